//! The org unit tree and its levels: Cambodia > Siem Reap Province > Kralanh Operational
//! District > Chanleas Dai and Kralanh Health Centres > their villages (NCDD names and codes, see
//! `dataset/SOURCE.md`). Also the village list the village option set is made from. Does not own
//! which programs or data sets the units carry beyond assigning them (those are built elsewhere).

use serde_json::Value;

use super::{named, r, refs};
use crate::demo::dataset::{immunization, ncd, org_units, vhsg};
use crate::model::Uid;

/// (uid, level, English, Khmer).
const LEVELS: [(&str, u32, &str, &str); 5] = [
    ("DmOuLevel01", 1, "Country", "ប្រទេស"),
    ("DmOuLevel02", 2, "Province", "ខេត្ត"),
    ("DmOuLevel03", 3, "Operational district", "ស្រុកប្រតិបត្តិ"),
    ("DmOuLevel04", 4, "Health centre", "មណ្ឌលសុខភាព"),
    ("DmOuLevel05", 5, "Village", "ភូមិ"),
];

/// A health centre: its unit, code, English and Khmer names, and its villages (NCDD code,
/// English, Khmer) in Chanleas Dai and Kralanh communes (Kralanh district).
pub(super) struct HealthCentre {
    pub uid: Uid,
    pub code: &'static str,
    pub name: &'static str,
    pub name_km: &'static str,
    pub villages: &'static [(&'static str, &'static str, &'static str)],
}

pub(super) const HEALTH_CENTRES: [HealthCentre; 2] = [
    HealthCentre {
        uid: org_units::TRAINEE_HEALTH_CENTRE,
        code: "HC-170601",
        name: "Chanleas Dai",
        name_km: "ចន្លាសដៃ",
        villages: &[
            ("17060101", "Tram Kang", "ត្រាំកង់"),
            ("17060102", "Chhuk Roat", "ឈូករ័ត្ន"),
            ("17060103", "Run", "រុន"),
            ("17060104", "Kouk Tnaot", "គោកត្នោត"),
            ("17060105", "Khnar Chour", "ខ្នាជោ"),
            ("17060108", "Chanlas Dai", "ចន្លាស់ដៃ"),
        ],
    },
    HealthCentre {
        uid: org_units::OTHER_HEALTH_CENTRE,
        code: "HC-170603",
        name: "Kralanh",
        name_km: "ក្រឡាញ់",
        villages: &[
            ("17060301", "Ta Chraeng", "តាច្រែង"),
            ("17060302", "Trapeang Chrang", "ត្រពាំងច្រាំង"),
            ("17060303", "Ou Kralanh", "អូរក្រឡាញ់"),
            ("17060304", "Kaoh Krabau", "កោះក្របៅ"),
        ],
    },
];

pub(super) fn levels() -> Vec<Value> {
    LEVELS.iter().map(|&(uid, level, en, km)| named(uid, en, km).with("level", level).build()).collect()
}

/// One org unit (opening date 1993) and its path, for its children.
struct Unit<'a> {
    uid: String,
    code: &'a str,
    name: &'a str,
    name_km: &'a str,
    short: &'a str,
    level: u32,
    parent: Option<(&'a str, &'a str)>,
}

impl Unit<'_> {
    /// The unit as DHIS2 writes it, and its path.
    fn build(&self, programs: &[Uid], data_sets: &[Uid]) -> (Value, String) {
        let path = match self.parent {
            Some((_, parent_path)) => format!("{parent_path}/{}", self.uid),
            None => format!("/{}", self.uid),
        };
        let mut unit = named(self.uid.as_str(), self.name, self.name_km)
            .short(self.short, self.name_km)
            .code(self.code)
            .with("path", path.as_str())
            .with("level", self.level)
            .with("openingDate", "1993-01-01T00:00:00.000");
        if let Some((parent, _)) = self.parent {
            unit = unit.with("parent", r(parent));
        }
        if !programs.is_empty() {
            unit = unit.with("programs", refs(programs.iter().copied()));
        }
        if !data_sets.is_empty() {
            unit = unit.with("dataSets", refs(data_sets.iter().copied()));
        }
        (unit.build(), path)
    }
}

pub(super) fn units() -> Vec<Value> {
    let country = org_units::COUNTRY.as_str();
    let province = org_units::PROVINCE.as_str();
    let district = org_units::OPERATIONAL_DISTRICT.as_str();
    let unit = |uid: &str, code, name, name_km, short, level, parent| Unit {
        uid: uid.to_string(),
        code,
        name,
        name_km,
        short,
        level,
        parent,
    };
    let (country_unit, country_path) = unit(country, "KH", "Cambodia", "កម្ពុជា", "Cambodia", 1, None).build(&[], &[]);
    let (province_unit, province_path) =
        unit(province, "KH-17", "Siem Reap Province", "ខេត្តសៀមរាប", "Siem Reap", 2, Some((country, &country_path)))
            .build(&[], &[]);
    let (district_unit, district_path) = unit(
        district,
        "OD-1706",
        "Kralanh Operational District",
        "ស្រុកប្រតិបត្តិក្រឡាញ់",
        "Kralanh OD",
        3,
        Some((province, &province_path)),
    )
    .build(&[], &[]);
    let mut units = vec![country_unit, province_unit, district_unit];
    for hc in &HEALTH_CENTRES {
        let (name, name_km, short) =
            (format!("{} Health Centre", hc.name), format!("មណ្ឌលសុខភាព{}", hc.name_km), format!("{} HC", hc.name));
        let (hc_unit, hc_path) = Unit {
            uid: hc.uid.as_str().to_string(),
            code: hc.code,
            name: &name,
            name_km: &name_km,
            short: &short,
            level: 4,
            parent: Some((district, &district_path)),
        }
        .build(&[immunization::PROGRAM, ncd::PROGRAM], &[]);
        units.push(hc_unit);
        for &(code, en, km) in hc.villages {
            let (v_code, name, name_km) = (format!("V-{code}"), format!("{en} Village"), format!("ភូមិ{km}"));
            let (village, _) = Unit {
                uid: format!("DmV{code}"),
                code: &v_code,
                name: &name,
                name_km: &name_km,
                short: en,
                level: 5,
                parent: Some((hc.uid.as_str(), &hc_path)),
            }
            .build(&[], &[vhsg::DATA_SET]);
            units.push(village);
        }
    }
    units
}
