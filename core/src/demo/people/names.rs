//! Who the practice people are: Khmer names with their usual Latin spelling (family name first,
//! as on a Cambodian ID card), phone numbers in national form, national ID numbers, and the
//! village each lives in. Every name, phone and ID is used once.
//!
//! Owns drawing identities from a seeded generator. Does not own ages or histories (`children`,
//! `adults`) or writing (`write`).

use std::collections::HashSet;

use rand::rngs::StdRng;
use rand::Rng;

/// Family names: Khmer, Latin.
const FAMILY: [(&str, &str); 22] = [
    ("សុខ", "Sok"),
    ("ចាន់", "Chan"),
    ("កែវ", "Keo"),
    ("ហេង", "Heng"),
    ("លី", "Ly"),
    ("ម៉ៅ", "Mao"),
    ("ជា", "Chea"),
    ("ប៊ុន", "Bun"),
    ("ទេព", "Tep"),
    ("យឹម", "Yim"),
    ("សួន", "Suon"),
    ("ឈិម", "Chhim"),
    ("ពៅ", "Pov"),
    ("សេង", "Seng"),
    ("អ៊ុក", "Ouk"),
    ("នួន", "Nuon"),
    ("ស៊ុន", "Sun"),
    ("ខៀវ", "Khiev"),
    ("មាស", "Meas"),
    ("ឡុង", "Long"),
    ("សោម", "Som"),
    ("គឹម", "Kim"),
];

const MALE: [(&str, &str); 19] = [
    ("ដារ៉ា", "Dara"),
    ("វិបុល", "Vibol"),
    ("សុផល", "Sophal"),
    ("សំណាង", "Samnang"),
    ("វណ្ណៈ", "Vannak"),
    ("ពិសិដ្ឋ", "Piseth"),
    ("វិចិត្រ", "Vichet"),
    ("សុវណ្ណ", "Sovann"),
    ("បូរ៉ា", "Bora"),
    ("រិទ្ធី", "Rithy"),
    ("កុសល", "Kosal"),
    ("ពន្លឺ", "Ponleu"),
    ("សុខុម", "Sokhom"),
    ("រដ្ឋា", "Rotha"),
    ("សម្បត្តិ", "Sambath"),
    ("វាសនា", "Veasna"),
    ("ភារៈ", "Pheara"),
    ("ឧត្តម", "Oudom"),
    ("ចន្ថា", "Chantha"),
];

const FEMALE: [(&str, &str); 18] = [
    ("ស្រីមុំ", "Sreymom"),
    ("សុភា", "Sophea"),
    ("ចាន់ធី", "Chanthy"),
    ("ស្រីនាង", "Sreyneang"),
    ("សុខលី", "Sokly"),
    ("ធីតា", "Thida"),
    ("បុប្ផា", "Bopha"),
    ("សុគន្ធា", "Sokunthea"),
    ("រស្មី", "Reaksmey"),
    ("ម៉ាលី", "Maly"),
    ("ស្រីពៅ", "Sreypov"),
    ("ដាវី", "Davy"),
    ("កញ្ញា", "Kanha"),
    ("ស្រីលក្ខណ៍", "Sreyleak"),
    ("សុធារី", "Sotheary"),
    ("ស្រីនិច", "Sreynich"),
    ("ពិសី", "Pisey"),
    ("សុម៉ាលី", "Somaly"),
];

/// Mobile prefixes of Cambodian operators with 9-digit numbers.
const PHONE_PREFIXES: [&str; 18] = [
    "010", "011", "012", "015", "016", "017", "069", "070", "077", "078", "085", "086", "089", "092", "093", "095",
    "098", "099",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Sex {
    Male,
    Female,
}

impl Sex {
    /// The option code of the sex attribute.
    pub(crate) fn code(self) -> &'static str {
        match self {
            Sex::Male => "M",
            Sex::Female => "F",
        }
    }
}

/// A name in both scripts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Name {
    pub(crate) khmer: String,
    pub(crate) latin: String,
}

/// Draws names, phones and IDs, each once.
pub(crate) struct Registry {
    names: HashSet<(usize, usize, Sex)>,
    phones: HashSet<String>,
    ids: HashSet<String>,
}

impl Registry {
    pub(crate) fn new() -> Registry {
        Registry { names: HashSet::new(), phones: HashSet::new(), ids: HashSet::new() }
    }

    /// A name not drawn before (there are 22 x 37 of them, for about 300 people and caregivers).
    pub(crate) fn name(&mut self, rng: &mut StdRng, sex: Sex) -> Name {
        let given: &[(&str, &str)] = match sex {
            Sex::Male => &MALE,
            Sex::Female => &FEMALE,
        };
        loop {
            let (f, g) = (rng.random_range(0..FAMILY.len()), rng.random_range(0..given.len()));
            if self.names.insert((f, g, sex)) {
                let (fk, fl) = FAMILY[f];
                let (gk, gl) = given[g];
                return Name { khmer: format!("{fk} {gk}"), latin: format!("{fl} {gl}") };
            }
        }
    }

    /// A mobile number written as people write it: `012 345 678`.
    pub(crate) fn phone(&mut self, rng: &mut StdRng) -> String {
        loop {
            let prefix = PHONE_PREFIXES[rng.random_range(0..PHONE_PREFIXES.len())];
            let n: u32 = rng.random_range(100_000..1_000_000);
            let phone = format!("{prefix} {:03} {:03}", n / 1000, n % 1000);
            if self.phones.insert(phone.clone()) {
                return phone;
            }
        }
    }

    /// A 9-digit national ID card number.
    pub(crate) fn national_id(&mut self, rng: &mut StdRng) -> String {
        loop {
            let id = format!("{}", rng.random_range(100_000_000u32..300_000_000));
            if self.ids.insert(id.clone()) {
                return id;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn names_phones_and_ids_are_never_drawn_twice() {
        let mut rng = StdRng::seed_from_u64(1);
        let mut registry = Registry::new();
        let mut names = HashSet::new();
        for i in 0..600 {
            let sex = if i % 2 == 0 { Sex::Male } else { Sex::Female };
            let name = registry.name(&mut rng, sex);
            assert!(names.insert(name.khmer.clone()), "{name:?}");
            assert_eq!(name.khmer.split(' ').count(), 2);
            assert_eq!(name.latin.split(' ').count(), 2);
        }
        let phones: HashSet<String> = (0..300).map(|_| registry.phone(&mut rng)).collect();
        assert_eq!(phones.len(), 300);
        assert!(phones.iter().all(|p| p.len() == 11 && p.starts_with('0')), "{phones:?}");
        let ids: HashSet<String> = (0..300).map(|_| registry.national_id(&mut rng)).collect();
        assert!(ids.iter().all(|id| id.len() == 9));
    }
}
