//! The index's bytes as the cache keeps them: numbers little-endian, lists led by their length,
//! read back with every length checked against the bytes that are there, so a damaged or
//! planted file is refused, never trusted for what it declares.

use super::index::{Index, Postings};

/// The first bytes of a stored index; the last is the layout's version.
const MAGIC: &[u8; 12] = b"roles-index\x01";

struct Writer(Vec<u8>);

impl Writer {
    fn count(&mut self, n: usize) {
        self.0
            .extend_from_slice(&u32::try_from(n).unwrap_or(u32::MAX).to_le_bytes());
    }
    fn words(&mut self, items: &[u32]) {
        self.count(items.len());
        for item in items {
            self.0.extend_from_slice(&item.to_le_bytes());
        }
    }
    fn reals(&mut self, items: &[f32]) {
        self.count(items.len());
        for item in items {
            self.0.extend_from_slice(&item.to_le_bytes());
        }
    }
    fn texts(&mut self, items: impl ExactSizeIterator<Item = impl AsRef<str>>) {
        self.count(items.len());
        for item in items {
            let bytes = item.as_ref().as_bytes();
            self.count(bytes.len());
            self.0.extend_from_slice(bytes);
        }
    }
}

struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Option<&[u8]> {
        if n > self.0.len() {
            return None;
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Some(head)
    }
    fn count(&mut self) -> Option<usize> {
        let bytes: [u8; 4] = self.take(4)?.try_into().ok()?;
        Some(u32::from_le_bytes(bytes) as usize)
    }
    /// A length, refused when more items than the bytes left could hold.
    fn length(&mut self, item_bytes: usize) -> Option<usize> {
        let n = self.count()?;
        (n.checked_mul(item_bytes)? <= self.0.len()).then_some(n)
    }
    fn words(&mut self) -> Option<Vec<u32>> {
        let n = self.length(4)?;
        let bytes = self.take(n * 4)?;
        Some(
            bytes
                .chunks_exact(4)
                .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                .collect(),
        )
    }
    fn reals(&mut self) -> Option<Vec<f32>> {
        let n = self.length(4)?;
        let bytes = self.take(n * 4)?;
        Some(
            bytes
                .chunks_exact(4)
                .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                .collect(),
        )
    }
    fn texts(&mut self) -> Option<Vec<String>> {
        let n = self.length(4)?;
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            let length = self.length(1)?;
            out.push(String::from_utf8(self.take(length)?.to_vec()).ok()?);
        }
        Some(out)
    }
}

/// Pairs as two lists of their halves.
fn split<A: Copy, B: Copy>(pairs: &[(A, B)]) -> (Vec<A>, Vec<B>) {
    pairs.iter().copied().unzip()
}

fn joined<A, B>(a: Vec<A>, b: Vec<B>) -> Option<Vec<(A, B)>> {
    (a.len() == b.len()).then(|| a.into_iter().zip(b).collect())
}

impl Index {
    /// The index as the cache stores it.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Writer(MAGIC.to_vec());
        out.texts(self.roles.iter().map(|(id, _)| id));
        out.texts(self.roles.iter().map(|(_, name)| name));
        out.texts(self.terms.iter());
        out.texts(self.spellings.iter());
        let (roles, places) = split(&self.title_roles);
        out.words(&roles);
        out.words(&places);
        let (starts, ends) = split(&self.title_spans);
        out.words(&starts);
        out.words(&ends);
        out.words(&self.title_terms);
        out.words(&self.title_postings.starts);
        out.words(&self.title_postings.items);
        out.reals(&self.title_idf);
        out.reals(&self.bag_idf);
        out.reals(&self.text_idf);
        out.words(&self.bag_postings.starts);
        let (roles, counts) = split(&self.bag_postings.items);
        out.words(&roles);
        out.words(&counts);
        out.words(&self.bag_lengths);
        out.words(&self.text_postings.starts);
        let (roles, weights) = split(&self.text_postings.items);
        out.words(&roles);
        out.reals(&weights);
        out.words(&self.synonyms.starts);
        out.words(&self.synonyms.items);
        out.0
    }

    /// An index from the bytes [`Index::to_bytes`] wrote, if they are whole and consistent:
    /// every list as long as its neighbours say, every number in range.
    pub fn from_bytes(bytes: &[u8]) -> Option<Index> {
        let mut input = Reader(bytes.strip_prefix(MAGIC)?);
        let ids = input.texts()?;
        let names = input.texts()?;
        let index = Index {
            roles: joined(ids, names)?,
            terms: input.texts()?,
            spellings: input.texts()?,
            title_roles: joined(input.words()?, input.words()?)?,
            title_spans: joined(input.words()?, input.words()?)?,
            title_terms: input.words()?,
            title_postings: Postings {
                starts: input.words()?,
                items: input.words()?,
            },
            title_idf: input.reals()?,
            bag_idf: input.reals()?,
            text_idf: input.reals()?,
            bag_postings: Postings {
                starts: input.words()?,
                items: joined(input.words()?, input.words()?)?,
            },
            bag_lengths: input.words()?,
            text_postings: Postings {
                starts: input.words()?,
                items: joined(input.words()?, input.reals()?)?,
            },
            synonyms: Postings {
                starts: input.words()?,
                items: input.words()?,
            },
            ..Index::default()
        };
        (input.0.is_empty() && index.consistent()).then_some(index)
    }

    /// Whether every number in the index points inside it: what lets a scorer index its
    /// lists without checking again.
    fn consistent(&self) -> bool {
        let (terms, titles, roles) = (
            self.terms.len(),
            self.title_roles.len(),
            self.roles.len() as u32,
        );
        let sorted = self.terms.windows(2).all(|w| w[0] < w[1]);
        let postings_fit = |starts: &[u32], items: usize| {
            starts.len() == terms + 1
                && starts.first() == Some(&0)
                && starts.last().is_some_and(|last| *last as usize == items)
                && starts.windows(2).all(|w| w[0] <= w[1])
        };
        sorted
            && self.spellings.len() == terms
            && self.title_spans.len() == titles
            && self.title_roles.iter().all(|(role, _)| *role < roles)
            && self
                .title_spans
                .iter()
                .all(|(start, end)| start <= end && (*end as usize) <= self.title_terms.len())
            && self.title_terms.iter().all(|t| (*t as usize) < terms)
            && postings_fit(&self.title_postings.starts, self.title_postings.items.len())
            && self
                .title_postings
                .items
                .iter()
                .all(|t| (*t as usize) < titles)
            && [&self.title_idf, &self.bag_idf, &self.text_idf]
                .iter()
                .all(|idf| idf.len() == terms)
            && postings_fit(&self.bag_postings.starts, self.bag_postings.items.len())
            && self
                .bag_postings
                .items
                .iter()
                .all(|(role, _)| *role < roles)
            && self.bag_lengths.len() == self.roles.len()
            && postings_fit(&self.text_postings.starts, self.text_postings.items.len())
            && self
                .text_postings
                .items
                .iter()
                .all(|(role, _)| *role < roles)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Dataset;

    fn builtin() -> Dataset {
        Dataset::builtin().unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn an_index_comes_back_from_its_bytes() {
        let index = Index::build(&builtin());
        let bytes = index.to_bytes();
        let back = Index::from_bytes(&bytes).unwrap_or_default();
        assert_eq!(back.to_bytes(), bytes);
        assert_eq!(back.roles, index.roles);
    }

    #[test]
    fn damaged_or_cut_bytes_are_refused_never_trusted() {
        let bytes = Index::build(&builtin()).to_bytes();
        for cut in [0, 5, 12, 40, bytes.len() / 2, bytes.len() - 1] {
            assert!(Index::from_bytes(&bytes[..cut]).is_none(), "cut at {cut}");
        }
        // A length that claims more than there is, and a term number out of range.
        let mut huge = bytes.clone();
        huge[12..16].copy_from_slice(&u32::MAX.to_le_bytes());
        assert!(Index::from_bytes(&huge).is_none());
        for at in (12..bytes.len()).step_by(97) {
            let mut flipped = bytes.clone();
            flipped[at] ^= 0x5a;
            // Either refused, or read into an index every number of which is in range.
            if let Some(index) = Index::from_bytes(&flipped) {
                assert!(index.consistent());
            }
        }
    }
}
