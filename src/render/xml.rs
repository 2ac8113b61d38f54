//! Text inside XML (SVG, GraphML, GEXF, HTML): escaped, and without the
//! characters XML 1.0 cannot hold; and the writer of GraphML, GEXF and
//! SVG.

use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::name::QName;
use std::borrow::Cow;

/// Escapes text for XML content and attribute values; drops characters
/// XML 1.0 cannot hold (control characters other than tab and newlines).
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push_str(&format!("&#{};", c as u32)),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// An XML document written element by element (quick-xml's writer), two
/// spaces of indentation a level, text and attribute values escaped with
/// [`xml_escape`].
pub struct XmlWriter {
    writer: quick_xml::Writer<Vec<u8>>,
}

impl XmlWriter {
    /// A document that starts with the XML declaration (UTF-8).
    pub fn new() -> XmlWriter {
        let mut writer = quick_xml::Writer::new_with_indent(Vec::new(), b' ', 2);
        writer
            .write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))
            .expect("writing to memory");
        XmlWriter { writer }
    }

    /// A fragment without declaration or indentation, one element a line
    /// where [`XmlWriter::line_break`] says (SVG, embedded in HTML too).
    pub fn flat() -> XmlWriter {
        XmlWriter {
            writer: quick_xml::Writer::new(Vec::new()),
        }
    }

    /// A line break between elements (of a [`XmlWriter::flat`] document).
    pub fn line_break(&mut self) {
        self.write(Event::Text(BytesText::from_escaped("\n")));
    }

    /// The fragment as written, without a final line break added.
    pub fn into_string(self) -> String {
        String::from_utf8(self.writer.into_inner()).expect("UTF-8 was written")
    }

    fn start<'a>(name: &'a str, attributes: &[(&str, &str)]) -> BytesStart<'a> {
        let mut start = BytesStart::new(name);
        for (key, value) in attributes {
            // Escaped here (tabs and line breaks kept as character
            // references), so given to quick-xml as they are.
            start.push_attribute(Attribute {
                key: QName(key.as_bytes()),
                value: Cow::Owned(xml_escape(value).into_bytes()),
            });
        }
        start
    }

    fn write(&mut self, event: Event<'_>) {
        self.writer.write_event(event).expect("writing to memory");
    }

    /// `<name attributes…>`: an element that children follow.
    pub fn open(&mut self, name: &str, attributes: &[(&str, &str)]) {
        self.write(Event::Start(XmlWriter::start(name, attributes)));
    }

    /// `</name>`.
    pub fn close(&mut self, name: &str) {
        self.write(Event::End(BytesEnd::new(name)));
    }

    /// `<name attributes…/>`.
    pub fn empty(&mut self, name: &str, attributes: &[(&str, &str)]) {
        self.write(Event::Empty(XmlWriter::start(name, attributes)));
    }

    /// `<name attributes…>text</name>`.
    pub fn text(&mut self, name: &str, attributes: &[(&str, &str)], text: &str) {
        self.open(name, attributes);
        let escaped = xml_escape(text);
        self.write(Event::Text(BytesText::from_escaped(escaped.as_str())));
        self.close(name);
    }

    /// The document, ending in a line break.
    pub fn finish(self) -> String {
        let mut text = String::from_utf8(self.writer.into_inner()).expect("UTF-8 was written");
        text.push('\n');
        text
    }
}

impl Default for XmlWriter {
    fn default() -> Self {
        XmlWriter::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_escaping() {
        assert_eq!(
            xml_escape("a<b>&\"c'\u{1}\nd"),
            "a&lt;b&gt;&amp;&quot;c&apos;&#10;d"
        );
        assert_eq!(xml_escape("Hämeen ELY-keskus"), "Hämeen ELY-keskus");
    }
}
