//! The projected network's weighted adjacency, its weights held in the
//! narrowest type that holds every one of them exactly: one byte for
//! whole numbers up to 255 (the counts of shared engagements nearly always
//! are), `f32`, or `f64`.

use super::csr::{Csr, Weight};

/// The symmetric weighted adjacency of a projection: row `v` holds the
/// actors tied to `v`, ascending, with the ties' weights.
///
/// The weights are held in the narrowest type that holds every one of
/// them exactly, which makes the adjacency of counts 5 bytes an entry
/// instead of 12. Every weight reads as the same `f64` whatever the type,
/// so results do not depend on it. The metrics are generic over the
/// weight type; a function of the crate runs on any through the crate's
/// `on_adjacency!`.
///
/// ```
/// use verkosto::graph::{Adjacency, Csr};
/// let counts = Adjacency::from_weights(Csr::from_edges(3, [(0, 1, 2.0), (1, 2, 1.0)].into_iter()));
/// assert!(matches!(counts, Adjacency::Byte(_)));
/// let halves = Adjacency::from_weights(Csr::from_edges(3, [(0, 1, 0.5), (1, 2, 1.0)].into_iter()));
/// assert!(matches!(halves, Adjacency::Narrow(_)));
/// let shares = Adjacency::from_weights(Csr::from_edges(3, [(0, 1, 0.1), (1, 2, 1.0)].into_iter()));
/// assert!(matches!(shares, Adjacency::Wide(_)));
/// assert_eq!(counts.neighbors(1), shares.neighbors(1));
/// assert_eq!(counts.strength(1), 3.0);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum Adjacency {
    /// Weights as `f64`.
    Wide(Csr<f64>),
    /// Weights as `f32`, each exactly the `f64` it stands for.
    Narrow(Csr<f32>),
    /// Weights as whole numbers 0–255, each exactly the `f64` it stands
    /// for.
    Byte(Csr<u8>),
}

/// Evaluates `$body` with `$rows` bound to the [`Adjacency`]'s rows
/// (a `&Csr<W>`), whichever type its weights are held in.
macro_rules! on_adjacency {
    ($adjacency:expr, |$rows:ident| $body:expr) => {
        match $adjacency {
            $crate::graph::Adjacency::Wide($rows) => $body,
            $crate::graph::Adjacency::Narrow($rows) => $body,
            $crate::graph::Adjacency::Byte($rows) => $body,
        }
    };
}
pub(crate) use on_adjacency;

/// The [`Adjacency`] of the width of the [`WeightList`] `$list`: `$body`
/// (a `Csr`) with `$weights` bound to the list's weights.
macro_rules! of_list {
    ($list:expr, |$weights:ident| $body:expr) => {
        match $list {
            WeightList::Byte($weights) => Adjacency::Byte($body),
            WeightList::Narrow($weights) => Adjacency::Narrow($body),
            WeightList::Wide($weights) => Adjacency::Wide($body),
        }
    };
}

impl Default for Adjacency {
    fn default() -> Self {
        Adjacency::Byte(Csr::default())
    }
}

impl Adjacency {
    /// The adjacency of `rows`, its weights in the narrowest type that
    /// holds every one of them exactly.
    ///
    /// Complexity: O(n + m).
    pub fn from_weights(rows: Csr) -> Adjacency {
        let mut list = WeightList::with_capacity(rows.total());
        for &w in rows.all_weights() {
            list.push(w);
        }
        Adjacency::from_starts(rows.offsets().to_vec(), rows.all_targets().to_vec(), list)
    }

    /// The rows of `offsets` and `targets` with the weights of `list`
    /// ([`Csr::from_starts`]).
    pub(crate) fn from_starts(offsets: Vec<u32>, targets: Vec<u32>, list: WeightList) -> Adjacency {
        of_list!(list, |weights| Csr::from_starts(offsets, targets, weights))
    }

    /// The whole rows of the upper halves `targets` and `list`
    /// ([`Csr::from_upper_rows`]).
    pub(crate) fn from_upper_rows(start: &[u32], targets: Vec<u32>, list: WeightList) -> Adjacency {
        of_list!(list, |weights| Csr::from_upper_rows(
            start, targets, weights
        ))
    }

    /// The whole rows of an adjacency that holds the upper halves alone.
    pub(crate) fn whole_rows(&self) -> Adjacency {
        match self {
            Adjacency::Byte(upper) => Adjacency::Byte(upper.whole_rows()),
            Adjacency::Narrow(upper) => Adjacency::Narrow(upper.whole_rows()),
            Adjacency::Wide(upper) => Adjacency::Wide(upper.whole_rows()),
        }
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        on_adjacency!(self, |rows| rows.node_count())
    }

    /// Number of undirected edges.
    pub fn edge_count(&self) -> usize {
        on_adjacency!(self, |rows| rows.edge_count())
    }

    /// The neighbours of `v`, ascending.
    pub fn neighbors(&self, v: usize) -> &[u32] {
        on_adjacency!(self, |rows| rows.neighbors(v))
    }

    /// The number of neighbours of `v`.
    pub fn degree(&self, v: usize) -> usize {
        on_adjacency!(self, |rows| rows.degree(v))
    }

    /// The range of row `v` among all entries ([`Adjacency::weight`]).
    pub fn range(&self, v: usize) -> std::ops::Range<usize> {
        on_adjacency!(self, |rows| rows.range(v))
    }

    /// The weight of entry `e` of the rows (entry `e` is in row `v` when
    /// `e` is in [`Adjacency::range`]`(v)`).
    pub fn weight(&self, e: usize) -> f64 {
        on_adjacency!(self, |rows| as_f64(rows.all_weights()[e]))
    }

    /// The neighbours of every node, one row after another.
    pub fn all_targets(&self) -> &[u32] {
        on_adjacency!(self, |rows| rows.all_targets())
    }

    /// Where each row starts in [`Adjacency::all_targets`], and their
    /// number last.
    pub(crate) fn offsets(&self) -> &[u32] {
        on_adjacency!(self, |rows| rows.offsets())
    }

    /// The ties of `v`: each neighbour with the tie's weight.
    pub fn weighted(&self, v: usize) -> impl Iterator<Item = (u32, f64)> + '_ {
        let targets = self.all_targets();
        self.range(v).map(move |e| (targets[e], self.weight(e)))
    }

    /// The sum of `v`'s tie weights.
    pub fn strength(&self, v: usize) -> f64 {
        on_adjacency!(self, |rows| rows.strength(v))
    }

    /// The adjacency with `f64` weights (a copy).
    pub fn to_wide(&self) -> Csr {
        on_adjacency!(self, |rows| rows
            .with_weights(rows.all_weights().iter().map(|&w| as_f64(w)).collect()))
    }
}

/// `w` as the `f64` it stands for.
fn as_f64<W: Weight>(w: W) -> f64 {
    w.into()
}

/// A list of weights being written one by one, in the narrowest type that
/// holds every weight so far exactly: bytes, then `f32` from the first
/// weight that is not a whole number up to 255, then `f64` from the first
/// that is not an `f32`.
#[derive(Debug)]
pub(crate) enum WeightList {
    Byte(Vec<u8>),
    Narrow(Vec<f32>),
    Wide(Vec<f64>),
}

impl WeightList {
    /// An empty list with room for `room` weights.
    pub(crate) fn with_capacity(room: usize) -> WeightList {
        WeightList::Byte(Vec::with_capacity(room))
    }

    /// Appends `w`, widening the list the first time `w` is not exact in
    /// its type (a copy, with the room kept).
    pub(crate) fn push(&mut self, w: f64) {
        match self {
            WeightList::Byte(list) => match u8::exactly(w) {
                Some(byte) => list.push(byte),
                None => {
                    *self = WeightList::Narrow(widened(list));
                    self.push(w);
                }
            },
            WeightList::Narrow(list) => match f32::exactly(w) {
                Some(narrow) => list.push(narrow),
                None => {
                    let mut wide = widened(list);
                    wide.push(w);
                    *self = WeightList::Wide(wide);
                }
            },
            WeightList::Wide(list) => list.push(w),
        }
    }
}

/// `list` in a wider type, with the room it had (and for one more).
fn widened<A: Copy, B: From<A>>(list: &Vec<A>) -> Vec<B> {
    let mut wide = Vec::with_capacity(list.capacity().max(list.len() + 1));
    wide.extend(list.iter().map(|&x| B::from(x)));
    wide
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_widens_at_the_first_weight_not_exact_in_its_type() {
        let mut list = WeightList::with_capacity(2);
        list.push(1.0);
        list.push(255.0);
        assert!(matches!(list, WeightList::Byte(_)));
        list.push(16_777_216.0);
        assert!(matches!(&list, WeightList::Narrow(n) if n.capacity() >= 3));
        // 2^24 + 1 is the first integer f32 does not hold.
        list.push(16_777_217.0);
        list.push(0.5);
        match list {
            WeightList::Wide(wide) => {
                assert_eq!(wide, [1.0, 255.0, 16_777_216.0, 16_777_217.0, 0.5])
            }
            _ => panic!("2^24 + 1 is not an f32"),
        }
    }

    #[test]
    fn narrow_and_wide_adjacencies_read_the_same() {
        for (edges, byte) in [
            ([(0, 1, 3.0), (0, 2, 1.0), (1, 2, 0.25), (2, 3, 7.0)], false),
            ([(0, 1, 3.0), (0, 2, 1.0), (1, 2, 200.0), (2, 3, 7.0)], true),
        ] {
            let wide = Csr::from_edges(4, edges.into_iter());
            let narrow = Adjacency::from_weights(wide.clone());
            assert_eq!(matches!(narrow, Adjacency::Byte(_)), byte);
            assert_eq!(matches!(narrow, Adjacency::Narrow(_)), !byte);
            assert_eq!(narrow.to_wide(), wide);
            for v in 0..4 {
                assert_eq!(narrow.strength(v), wide.strength(v));
                assert_eq!(narrow.neighbors(v), wide.neighbors(v));
                for e in narrow.range(v) {
                    assert_eq!(narrow.weight(e), wide.all_weights()[e]);
                }
            }
        }
        let third = Csr::from_edges(2, [(0, 1, 1.0 / 3.0)].into_iter());
        assert_eq!(
            Adjacency::from_weights(third.clone()),
            Adjacency::Wide(third)
        );
    }
}
