//! Text inside XML (SVG, GraphML, GEXF, HTML): escaped, and without the
//! characters XML 1.0 cannot hold; and the writer of GraphML, GEXF and
//! SVG.

use crate::io::FirstError;
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
/// [`xml_escape`], into memory or, with [`XmlWriter::to`], to any sink as
/// it is made (the first error of the sink is kept and returned by
/// [`XmlWriter::end`]; nothing more is written after it).
pub struct XmlWriter<W: std::io::Write = Vec<u8>> {
    writer: quick_xml::Writer<FirstError<W>>,
}

impl XmlWriter {
    /// A document that starts with the XML declaration (UTF-8).
    pub fn new() -> XmlWriter {
        XmlWriter::to(Vec::new())
    }

    /// A fragment without declaration or indentation, one element a line
    /// where [`XmlWriter::line_break`] says (SVG, embedded in HTML too).
    pub fn flat() -> XmlWriter {
        XmlWriter {
            writer: quick_xml::Writer::new(FirstError::new(Vec::new())),
        }
    }

    /// The fragment as written, without a final line break added.
    pub fn into_string(self) -> String {
        let bytes = self
            .writer
            .into_inner()
            .finish()
            .expect("memory takes every byte");
        String::from_utf8(bytes).expect("UTF-8 was written")
    }

    /// The document, ending in a line break.
    pub fn finish(self) -> String {
        let mut text = self.into_string();
        text.push('\n');
        text
    }
}

impl<W: std::io::Write> XmlWriter<W> {
    /// A document written to `out` as it is made, starting with the XML
    /// declaration (UTF-8).
    pub fn to(out: W) -> XmlWriter<W> {
        let mut xml = XmlWriter {
            writer: quick_xml::Writer::new_with_indent(FirstError::new(out), b' ', 2),
        };
        xml.write(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)));
        xml
    }

    /// Ends a document written with [`XmlWriter::to`] with a line break.
    ///
    /// # Errors
    ///
    /// The first error writing to the sink returned.
    pub fn end(self) -> std::io::Result<W> {
        let mut out = self.writer.into_inner().finish()?;
        out.write_all(b"\n")?;
        Ok(out)
    }

    /// A line break between elements (of a [`XmlWriter::flat`] document).
    pub fn line_break(&mut self) {
        self.write(Event::Text(BytesText::from_escaped("\n")));
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
        // The sink keeps its first error for `end`: writing cannot fail.
        let _ = self.writer.write_event(event);
    }

    /// `<name attributes…>`: an element that children follow.
    pub fn open(&mut self, name: &str, attributes: &[(&str, &str)]) {
        self.write(Event::Start(XmlWriter::<W>::start(name, attributes)));
    }

    /// `</name>`.
    pub fn close(&mut self, name: &str) {
        self.write(Event::End(BytesEnd::new(name)));
    }

    /// `<name attributes…/>`.
    pub fn empty(&mut self, name: &str, attributes: &[(&str, &str)]) {
        self.write(Event::Empty(XmlWriter::<W>::start(name, attributes)));
    }

    /// `<name attributes…>text</name>`.
    pub fn text(&mut self, name: &str, attributes: &[(&str, &str)], text: &str) {
        self.open(name, attributes);
        let escaped = xml_escape(text);
        self.write(Event::Text(BytesText::from_escaped(escaped.as_str())));
        self.close(name);
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

    /// A sink that takes `room` bytes, then fails.
    #[derive(Debug)]
    struct Full {
        room: usize,
    }

    impl std::io::Write for Full {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            if buf.len() > self.room {
                return Err(std::io::Error::other("full"));
            }
            self.room -= buf.len();
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_document_to_a_sink_is_the_one_in_memory_and_keeps_the_sinks_error() {
        fn write<W: std::io::Write>(xml: &mut XmlWriter<W>) {
            xml.open("graph", &[("id", "a & b")]);
            xml.text("data", &[("key", "n0")], "Oulu\t<x>");
            xml.empty("edge", &[("source", "a"), ("target", "b")]);
            xml.close("graph");
        }
        let mut memory = XmlWriter::new();
        write(&mut memory);
        let mut streamed = XmlWriter::to(Vec::new());
        write(&mut streamed);
        let streamed = String::from_utf8(streamed.end().unwrap()).unwrap();
        assert_eq!(streamed, memory.finish());
        assert!(streamed.starts_with("<?xml"), "{streamed}");
        for room in [0, 10, 60, streamed.len() - 1] {
            let mut xml = XmlWriter::to(Full { room });
            write(&mut xml);
            let error = xml.end().err().map(|e| e.to_string());
            assert_eq!(error.as_deref(), Some("full"), "{room}");
        }
    }
}
