//! The Cambodian administrative gazetteer (NCDD, via pumi and CambodianAddressSDK, MIT) and the
//! synthetic health-system org unit tree built on it.
//!
//! Owns reading the embedded gazetteer and laying out Country > Province > Operational District >
//! Health Centre > Village with exact totals. Province and village names are real. Operational
//! districts and health centres are NOT in the gazetteer (Cambodia's official OD/HC list is not
//! public here): an OD is a run of neighbouring admin districts of one province and is named after
//! its first district ("Kralanh Operational District" / "ស្រុកប្រតិបត្តិក្រឡាញ់"); a health centre is
//! a run of neighbouring communes of its OD and is named after its first commune ("Chanleas Dai
//! Health Centre" / "មណ្ឌលសុខភាពចន្លាសដៃ"); its villages are the real villages of those communes.
//! When more villages are asked for than the gazetteer has, real names are reused with a number
//! suffix ("Ou Thum 2" / "អូរធំ២"). Does not own UID formats or JSON.

use std::collections::HashMap;
use std::io;

use serde::Deserialize;

use super::rng::{SplitMix64, Uid, UidPool};
use super::vocab::km_digits;

/// The gazetteer, embedded so that nothing is read from disk at run time.
const GAZETTEER_JSON: &str = include_str!("../../data/cambodia-admin/cambodia_address_ncdd_pumi.json");

#[derive(Deserialize)]
struct RawGazetteer {
    provinces: Vec<RawPlace>,
    districts: Vec<RawPlace>,
    communes: Vec<RawPlace>,
    villages: Vec<RawPlace>,
}

#[derive(Deserialize)]
struct RawPlace {
    code: String,
    km: String,
    en: String,
    #[serde(default)]
    p: Option<String>,
    #[serde(default)]
    d: Option<String>,
    #[serde(default)]
    c: Option<String>,
}

/// One gazetteer entry.
pub(crate) struct Place {
    pub(crate) code: String,
    pub(crate) en: String,
    pub(crate) km: String,
}

pub(crate) struct Gazetteer {
    pub(crate) provinces: Vec<Place>,
    pub(crate) districts: Vec<Place>,
    pub(crate) communes: Vec<Place>,
    pub(crate) villages: Vec<Place>,
    pub(crate) districts_of: Vec<Vec<usize>>,
    pub(crate) communes_of: Vec<Vec<usize>>,
    pub(crate) villages_of: Vec<Vec<usize>>,
}

fn bad_data(msg: String) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, msg)
}

fn link(
    children: Vec<RawPlace>,
    parent_codes: &HashMap<String, usize>,
    parent_of: impl Fn(&RawPlace) -> Option<&String>,
    level: &str,
) -> io::Result<(Vec<Place>, Vec<Vec<usize>>)> {
    let mut lists = vec![Vec::new(); parent_codes.len()];
    let mut out = Vec::with_capacity(children.len());
    for raw in children {
        let parent_code =
            parent_of(&raw).ok_or_else(|| bad_data(format!("gazetteer {level} {} has no parent code", raw.code)))?;
        let parent = *parent_codes
            .get(parent_code)
            .ok_or_else(|| bad_data(format!("gazetteer {level} {} names unknown parent {parent_code}", raw.code)))?;
        lists[parent].push(out.len());
        out.push(Place { code: raw.code, en: raw.en, km: raw.km });
    }
    Ok((out, lists))
}

fn codes(places: &[Place]) -> HashMap<String, usize> {
    places.iter().enumerate().map(|(i, p)| (p.code.clone(), i)).collect()
}

impl Gazetteer {
    pub(crate) fn load() -> io::Result<Gazetteer> {
        let raw: RawGazetteer = serde_json::from_str(GAZETTEER_JSON)
            .map_err(|e| bad_data(format!("embedded gazetteer is not valid: {e}")))?;
        let provinces: Vec<Place> =
            raw.provinces.into_iter().map(|r| Place { code: r.code, en: r.en, km: r.km }).collect();
        let (districts, districts_of) = link(raw.districts, &codes(&provinces), |r| r.p.as_ref(), "district")?;
        let (communes, communes_of) = link(raw.communes, &codes(&districts), |r| r.d.as_ref(), "commune")?;
        let (villages, villages_of) = link(raw.villages, &codes(&communes), |r| r.c.as_ref(), "village")?;
        Ok(Gazetteer { provinces, districts, communes, villages, districts_of, communes_of, villages_of })
    }

    pub(crate) fn province_index(&self, code: &str) -> Option<usize> {
        self.provinces.iter().position(|p| p.code == code)
    }
}

/// Splits `total` into parts proportional to `weights` (largest remainder), each part within
/// `min[i]..=max[i]`. Ties go to the lower index. `None` when the bounds cannot be met.
pub(crate) fn apportion(total: usize, weights: &[u64], min: &[usize], max: &[usize]) -> Option<Vec<usize>> {
    let n = weights.len();
    if min.len() != n || max.len() != n || min.iter().zip(max).any(|(lo, hi)| lo > hi) {
        return None;
    }
    let lo_sum: usize = min.iter().sum();
    let hi_sum: usize = max.iter().sum();
    if total < lo_sum || total > hi_sum {
        return None;
    }
    let mut w_sum: u128 = weights.iter().map(|&w| u128::from(w)).sum();
    let equal = w_sum == 0;
    if equal {
        w_sum = n as u128;
    }
    let weight = |i: usize| if equal { 1u128 } else { u128::from(weights[i]) };
    let t = total as u128;
    let mut parts: Vec<usize> = (0..n).map(|i| ((t * weight(i) / w_sum) as usize).clamp(min[i], max[i])).collect();
    // How far part i is below its exact share, scaled by w_sum (positive = deserves more).
    let deficit = |i: usize, part: usize| (t * weight(i)) as i128 - (part as u128 * w_sum) as i128;
    let mut sum: usize = parts.iter().sum();
    while sum < total {
        let best = (0..n)
            .filter(|&i| parts[i] < max[i])
            .max_by(|&a, &b| deficit(a, parts[a]).cmp(&deficit(b, parts[b])).then(b.cmp(&a)))?;
        parts[best] += 1;
        sum += 1;
    }
    while sum > total {
        let best = (0..n)
            .filter(|&i| parts[i] > min[i])
            .min_by(|&a, &b| deficit(a, parts[a]).cmp(&deficit(b, parts[b])).then(a.cmp(&b)))?;
        parts[best] -= 1;
        sum -= 1;
    }
    Some(parts)
}

/// Splits `items` into `groups` runs of neighbours, as equal in length as possible.
fn split_runs(items: &[usize], groups: usize) -> Option<Vec<Vec<usize>>> {
    let n = items.len();
    let sizes = apportion(n, &vec![1; groups], &vec![1; groups], &vec![n; groups])?;
    let mut out = Vec::with_capacity(groups);
    let mut start = 0;
    for size in sizes {
        out.push(items[start..start + size].to_vec());
        start += size;
    }
    Some(out)
}

/// Sizes of the org unit tree.
pub(crate) struct TreeSize {
    /// NCDD province codes to use; empty means all 25.
    pub(crate) provinces: &'static [&'static str],
    pub(crate) operational_districts: usize,
    pub(crate) health_centres: usize,
    pub(crate) villages: usize,
}

/// One org unit, ready to be written.
pub(crate) struct OrgUnit {
    pub(crate) uid: Uid,
    pub(crate) parent: Option<Uid>,
    pub(crate) level: u8,
    pub(crate) path: String,
    pub(crate) code: String,
    pub(crate) name_en: String,
    pub(crate) name_km: String,
    pub(crate) short_en: String,
    pub(crate) short_km: String,
}

pub(crate) struct OrgUnitLevel {
    pub(crate) uid: Uid,
    pub(crate) level: u8,
    pub(crate) en: &'static str,
    pub(crate) km: &'static str,
}

pub(crate) struct OrgUnitTree {
    pub(crate) levels: Vec<OrgUnitLevel>,
    /// Parents before children: level 1, then level 2, and so on.
    pub(crate) units: Vec<OrgUnit>,
    pub(crate) health_centres: Vec<Uid>,
    pub(crate) villages: Vec<Uid>,
}

const LEVELS: [(&str, &str); 5] = [
    ("Country", "ប្រទេស"),
    ("Province", "ខេត្ត"),
    ("Operational District", "ស្រុកប្រតិបត្តិ"),
    ("Health Centre", "មណ្ឌលសុខភាព"),
    ("Village", "ភូមិ"),
];

fn infeasible(what: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidInput, format!("synthetic org unit tree: cannot lay out {what}"))
}

struct Builder<'p> {
    pool: &'p mut UidPool,
    rng: SplitMix64,
    units: Vec<OrgUnit>,
}

impl Builder<'_> {
    #[allow(clippy::too_many_arguments)]
    fn add(
        &mut self,
        parent: Option<usize>,
        level: u8,
        code: String,
        name_en: String,
        name_km: String,
        short_en: String,
        short_km: String,
    ) -> usize {
        let uid = self.pool.next(&mut self.rng);
        let (parent_uid, path) = match parent.and_then(|p| self.units.get(p)) {
            Some(p) => (Some(p.uid), format!("{}/{}", p.path, uid.as_str())),
            None => (None, format!("/{}", uid.as_str())),
        };
        self.units.push(OrgUnit {
            uid,
            parent: parent_uid,
            level,
            path,
            code,
            name_en,
            name_km,
            short_en: clip(&short_en, 50),
            short_km: clip(&short_km, 50),
        });
        self.units.len() - 1
    }

    fn add_provinces(&mut self, g: &Gazetteer, root: usize, provinces: &[usize]) -> Vec<usize> {
        let mut units = Vec::new();
        for &p in provinces {
            let place = &g.provinces[p];
            let (en, km) = if place.code == "12" {
                (format!("{} Capital", place.en), format!("រាជធានី{}", place.km))
            } else {
                (format!("{} Province", place.en), format!("ខេត្ត{}", place.km))
            };
            units.push(self.add(
                Some(root),
                2,
                format!("KH-{}", place.code),
                en,
                km,
                place.en.clone(),
                place.km.clone(),
            ));
        }
        units
    }

    /// Named after their first admin district.
    fn add_operational_districts(
        &mut self,
        g: &Gazetteer,
        province_units: &[usize],
        od_districts: &[(usize, Vec<usize>)],
    ) -> Vec<usize> {
        let mut units = Vec::new();
        for (pos, districts) in od_districts {
            let first = &g.districts[districts[0]];
            units.push(self.add(
                Some(province_units[*pos]),
                3,
                format!("OD-{}", first.code),
                format!("{} Operational District", first.en),
                format!("ស្រុកប្រតិបត្តិ{}", first.km),
                format!("{} OD", first.en),
                format!("ស្រុកប្រតិបត្តិ{}", first.km),
            ));
        }
        units
    }

    /// Named after their first commune.
    fn add_health_centres(
        &mut self,
        g: &Gazetteer,
        od_units: &[usize],
        hc_communes: &[(usize, Vec<usize>)],
    ) -> Vec<usize> {
        let mut units = Vec::new();
        for (od, communes) in hc_communes {
            let first = &g.communes[communes[0]];
            units.push(self.add(
                Some(od_units[*od]),
                4,
                format!("HC-{}", first.code),
                format!("{} Health Centre", first.en),
                format!("មណ្ឌលសុខភាព{}", first.km),
                format!("{} HC", first.en),
                format!("មណ្ឌលសុខភាព{}", first.km),
            ));
        }
        units
    }

    /// The villages of each health centre, real ones first; returns their UIDs.
    fn add_villages(&mut self, g: &Gazetteer, hc_units: &[usize], layout: &VillageLayout, total: usize) -> Vec<Uid> {
        let mut uids = Vec::with_capacity(total);
        for (h, villages) in layout.real.iter().enumerate() {
            let parent = Some(hc_units[h]);
            for &v in villages.iter().take(layout.take[h]) {
                let place = &g.villages[v];
                let idx = self.add(
                    parent,
                    5,
                    format!("V-{}", place.code),
                    format!("{} Village", place.en),
                    format!("ភូមិ{}", place.km),
                    place.en.clone(),
                    place.km.clone(),
                );
                uids.push(self.units[idx].uid);
            }
            for (k, _) in layout.extra_at[h].iter().enumerate() {
                let place = &g.villages[villages[k % villages.len()]];
                let n = 2 + k / villages.len();
                let idx = self.add(
                    parent,
                    5,
                    format!("V-{}-{}", place.code, n),
                    format!("{} {} Village", place.en, n),
                    format!("ភូមិ{}{}", place.km, km_digits(&n.to_string())),
                    format!("{} {}", place.en, n),
                    format!("{}{}", place.km, km_digits(&n.to_string())),
                );
                uids.push(self.units[idx].uid);
            }
        }
        uids
    }
}

/// Cuts `text` to at most `max` characters (DHIS2 short names allow 50).
pub(crate) fn clip(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        None => text.to_string(),
        Some((cut, _)) => {
            let mut s = text[..cut].to_string();
            // Do not leave a dangling Khmer subscript sign (coeng) at the end.
            while s.ends_with('\u{17D2}') {
                s.pop();
            }
            s.trim_end().to_string()
        }
    }
}

/// The org unit tree: country, provinces, operational districts (runs of neighbouring admin
/// districts), health centres (runs of neighbouring communes) and villages, at the sizes asked
/// for. First the layout is decided, then the units are made level by level (parents before
/// children), drawing UIDs in that order.
pub(crate) fn build_tree(g: &Gazetteer, size: &TreeSize, seed: u64, pool: &mut UidPool) -> io::Result<OrgUnitTree> {
    let mut rng = SplitMix64::new(seed, "organisationUnitLevels");
    let levels: Vec<OrgUnitLevel> = LEVELS
        .iter()
        .enumerate()
        .map(|(i, (en, km))| OrgUnitLevel { uid: pool.next(&mut rng), level: i as u8 + 1, en, km })
        .collect();
    let provinces = selected_provinces(g, size)?;
    let od_districts = operational_districts(g, size, &provinces)?;
    let hc_communes = health_centres(g, size, &od_districts)?;
    let villages = VillageLayout::plan(g, size, &hc_communes)?;

    let mut b = Builder { pool, rng: SplitMix64::new(seed, "organisationUnits"), units: Vec::new() };
    let root = b.add(None, 1, "KH".into(), "Cambodia".into(), "កម្ពុជា".into(), "Cambodia".into(), "កម្ពុជា".into());
    let province_units = b.add_provinces(g, root, &provinces);
    let od_units = b.add_operational_districts(g, &province_units, &od_districts);
    let hc_units = b.add_health_centres(g, &od_units, &hc_communes);
    let village_uids = b.add_villages(g, &hc_units, &villages, size.villages);
    let health_centres = hc_units.iter().map(|&i| b.units[i].uid).collect();
    Ok(OrgUnitTree { levels, units: b.units, health_centres, villages: village_uids })
}

/// The provinces asked for (all 25 when none are named), as gazetteer indices.
fn selected_provinces(g: &Gazetteer, size: &TreeSize) -> io::Result<Vec<usize>> {
    if size.provinces.is_empty() {
        return Ok((0..g.provinces.len()).collect());
    }
    size.provinces
        .iter()
        .map(|code| g.province_index(code).ok_or_else(|| infeasible("an unknown province code")))
        .collect()
}

/// Operational districts per province in proportion to its admin districts, each a run of
/// them: (province position in `provinces`, districts).
fn operational_districts(g: &Gazetteer, size: &TreeSize, provinces: &[usize]) -> io::Result<Vec<(usize, Vec<usize>)>> {
    let district_counts: Vec<usize> = provinces.iter().map(|&p| g.districts_of[p].len()).collect();
    let weights: Vec<u64> = district_counts.iter().map(|&c| c as u64).collect();
    let ods_per_province = apportion(size.operational_districts, &weights, &vec![1; provinces.len()], &district_counts)
        .ok_or_else(|| infeasible("the operational districts"))?;
    let mut od_districts = Vec::new();
    for (pos, (&p, &k)) in provinces.iter().zip(&ods_per_province).enumerate() {
        for run in split_runs(&g.districts_of[p], k).ok_or_else(|| infeasible("an operational district"))? {
            od_districts.push((pos, run));
        }
    }
    Ok(od_districts)
}

/// Health centres per OD in proportion to its communes, each a run of them: (OD position,
/// communes).
fn health_centres(
    g: &Gazetteer,
    size: &TreeSize,
    od_districts: &[(usize, Vec<usize>)],
) -> io::Result<Vec<(usize, Vec<usize>)>> {
    let od_communes: Vec<Vec<usize>> = od_districts
        .iter()
        .map(|(_, ds)| ds.iter().flat_map(|&d| g.communes_of[d].iter().copied()).collect())
        .collect();
    let commune_counts: Vec<usize> = od_communes.iter().map(Vec::len).collect();
    let weights: Vec<u64> = commune_counts.iter().map(|&c| c as u64).collect();
    let hcs_per_od = apportion(size.health_centres, &weights, &vec![1; od_communes.len()], &commune_counts)
        .ok_or_else(|| infeasible("the health centres"))?;
    let mut hc_communes = Vec::new();
    for (od, (communes, &k)) in od_communes.iter().zip(&hcs_per_od).enumerate() {
        for run in split_runs(communes, k).ok_or_else(|| infeasible("a health centre"))? {
            hc_communes.push((od, run));
        }
    }
    Ok(hc_communes)
}

/// Each health centre's villages: the real villages of its communes, trimmed (`take`) or padded
/// (`extra_at`: villages beyond the gazetteer, which reuse a name with a number) to the total.
struct VillageLayout {
    real: Vec<Vec<usize>>,
    take: Vec<usize>,
    extra_at: Vec<Vec<usize>>,
}

impl VillageLayout {
    fn plan(g: &Gazetteer, size: &TreeSize, hc_communes: &[(usize, Vec<usize>)]) -> io::Result<VillageLayout> {
        let real: Vec<Vec<usize>> = hc_communes
            .iter()
            .map(|(_, cs)| cs.iter().flat_map(|&c| g.villages_of[c].iter().copied()).collect())
            .collect();
        let available: Vec<usize> = real.iter().map(Vec::len).collect();
        let real_total: usize = available.iter().sum();
        let take: Vec<usize> = if size.villages >= real_total {
            available.clone()
        } else {
            let weights: Vec<u64> = available.iter().map(|&c| c as u64).collect();
            let mins: Vec<usize> = available.iter().map(|&c| c.min(1)).collect();
            apportion(size.villages, &weights, &mins, &available).ok_or_else(|| infeasible("the villages"))?
        };
        let extra = size.villages.saturating_sub(real_total);
        let n_hc = real.len();
        if extra > 0 && (n_hc == 0 || available.iter().all(|&a| a == 0)) {
            return Err(infeasible("extra villages"));
        }
        // Spread over health centres that have villages.
        let mut extra_at: Vec<Vec<usize>> = vec![Vec::new(); n_hc];
        for j in 0..extra {
            let mut h = j * n_hc / extra;
            let mut tries = 0;
            while available[h] == 0 && tries < n_hc {
                h = (h + 1) % n_hc;
                tries += 1;
            }
            extra_at[h].push(j);
        }
        Ok(VillageLayout { real, take, extra_at })
    }
}
