//! A depth-bounded random grammar of rule-mode expressions: every operator (unary, `^`, and
//! ungrouped mixed chains that show upstream's grouping), literals of every kind (tiny and huge
//! numbers, Khmer and escaped strings, booleans, null), `#{}`/`A{}`/`V{}`/`C{}` items and every
//! rule-mode d2 function with sensible and edge arguments.
//!
//! Owns the text of generated expressions. Generation is steered by the wanted result type so
//! that most cases evaluate instead of failing on the first coercion, with a share of wild
//! mixes. Does not own variable values (`context`) or answers (`answer`).

use super::context::{MISSING_NAME, MISSING_UID};
use phum_tests::rng::Rng;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Want {
    Num,
    Text,
    Bool,
    Date,
    Any,
}

const NUM_LITERALS: &[&str] = &[
    "0",
    "1",
    "2",
    "3",
    "5",
    "7",
    "10",
    "13",
    "100",
    "0.1",
    "0.2",
    "0.5",
    "2.5",
    "1.005",
    "2.675",
    "0.125",
    "3.3",
    ".5",
    "5.",
    "1e3",
    "1.5E-3",
    "1e-7",
    "1e300",
    "1e308",
    "4.9e-324",
    "2147483647",
    "2147483648",
    "1e10",
    "123456789.123",
    "0.000123",
    "12345678.9",
    "9007199254740993",
    "1.0000000000000002",
    "007",
];
const STR_LITERALS: &[&str] = &[
    "''",
    "'abc'",
    "'ABC'",
    "'ភូមិ'",
    "'ស្រុក'",
    r"'\u1797\u17BC\u1798\u17B7'",
    "\"it's\"",
    r"'it\'s'",
    r"'a\\b'",
    r"'\d'",
    r"'\101'",
    r"'tab\there'",
    r"'line\nbreak'",
    "'10'",
    "'2'",
    "'2.5'",
    "' 12 '",
    "'1e3'",
    "'true'",
    "'TRUE'",
    "'false'",
    "'yes'",
    "'a,b,c'",
    "'b'",
    "'x y'",
    "'😀ab'",
    "'2020-02-29'",
    "'ou1'",
    "'role1'",
    "'admin'",
    "'group1'",
    "'grpA'",
    "'grpB'",
    "'null'",
    "'NaN'",
    "'～'",
    r"'\uFF5E'",
];
const DATE_LITERALS: &[&str] = &[
    "'2020-02-29'",
    "'2021-02-28'",
    "'2021-03-01'",
    "'2020-01-31'",
    "'2020-03-01'",
    "'2000-03-01'",
    "'2019-12-31'",
    "'1970-01-01'",
    "'2024-02-29'",
    "'2021-02-29'",
    "'2020-1-5'",
    "'2020-13-01'",
    "''",
];
const NUM_ITEMS: &[&str] =
    &["#{n1}", "A{n2}", "#{age in years}", "#{Abcdefghij1}", "C{Cnst0000001}", "V{event_count}", "#{n2}", "A{n1}"];
const TEXT_ITEMS: &[&str] = &["#{s1}", "A{s2}", "#{dt2}", "V{org_unit}", "#{Bcdefghijk2}", "V{enrollment_status}"];
const DATE_ITEMS: &[&str] = &["#{d1}", "V{event_date}", "V{current_date}", "V{enrollment_date}", "#{dt2}"];
const DATA_ITEM_ARGS: &[&str] = &[
    "#{n1}",
    "A{n2}",
    "#{s1}",
    "'s2'",
    "\"n1\"",
    "#{b1}",
    "#{d1}",
    "V{event_date}",
    "#{Abcdefghij1}",
    "#{age in years}",
    "'event_count'",
    // A constant is not a variable: the parser refuses it in d2:hasValue and the other counting
    // functions, and d2:lastEventDate reads it as an expression.
    "C{Cnst0000001}",
    // Not `PS_EVENTDATE:uid`: Phum reads it as a missing data item, the JVM as the variable
    // `uid` (and refuses it in d2:lastEventDate); open until its meaning is settled.
];
const PATTERNS: &[&str] = &[r"'\\d+'", "'[a-z]+'", "'.*'", "'abc'", "'(a|b),c'", r"'\\w*'", "'ភ.*'", "''"];
const DATA_MATRIX_KEYS: &[&str] = &["'gtin'", "'lot number'", "'serial number'", "'21'", "'expiration date'", "'nope'"];
const DATA_MATRIX_VALUES: &[&str] = &[
    r"']d201095011010209171719050810ABCD1234\u001D2110'",
    r"']Q3010950110102091710ABC'",
    "'01095011010209171719050810ABCD1234'",
    "''",
];
const GENDERS: &[&str] = &["'M'", "'F'", "'female'", "'male'", "0", "1", "'m'"];

pub struct Grammar<'r> {
    rng: &'r mut Rng,
}

impl<'r> Grammar<'r> {
    pub fn new(rng: &'r mut Rng) -> Grammar<'r> {
        Grammar { rng }
    }

    /// An expression of at most `depth` levels of operators and calls.
    pub fn expression(&mut self, depth: u32) -> String {
        let want = *self.rng.pick(&[Want::Num, Want::Num, Want::Text, Want::Bool, Want::Bool, Want::Date, Want::Any]);
        self.gen(want, depth)
    }

    fn gen(&mut self, want: Want, depth: u32) -> String {
        let want =
            if want == Want::Any { *self.rng.pick(&[Want::Num, Want::Text, Want::Bool, Want::Date]) } else { want };
        // A wild operand now and then: any type where another was wanted.
        let want =
            if self.rng.chance(6) { *self.rng.pick(&[Want::Num, Want::Text, Want::Bool, Want::Date]) } else { want };
        if depth == 0 || self.rng.chance(25) {
            return self.leaf(want);
        }
        let d = depth - 1;
        match want {
            Want::Num => match self.rng.below(10) {
                0..=2 => self.chain(Want::Num, &["+", "-", "*", "/", "%", "^"], d),
                3 => format!("{}{}", self.rng.pick(&["-", "+", "- ", "--", "-+"]), self.gen(Want::Num, d)),
                4 => format!("({})", self.gen(Want::Num, d)),
                _ => self.num_function(d),
            },
            Want::Text => match self.rng.below(6) {
                0 => format!("({})", self.gen(Want::Text, d)),
                _ => self.text_function(d),
            },
            Want::Bool => match self.rng.below(12) {
                0..=2 => self.comparison(d),
                3..=4 => self.chain(Want::Bool, &["&&", "||", "and", "or"], d),
                5 => format!("{}{}", self.rng.pick(&["!", "not ", "not", "!!", "! "]), self.gen(Want::Bool, d)),
                6 => self.equality_chain(d),
                7 => format!("({})", self.gen(Want::Bool, d)),
                _ => self.bool_function(d),
            },
            Want::Date => match self.rng.below(4) {
                0 => format!("d2:addDays({}, {})", self.gen(Want::Date, d), self.index(d)),
                1 => format!("d2:lastEventDate({})", self.data_item()),
                2 => self.condition(Want::Date, d),
                _ => self.leaf(Want::Date),
            },
            Want::Any => self.leaf(Want::Num),
        }
    }

    fn leaf(&mut self, want: Want) -> String {
        let r = self.rng.below(100);
        let s = match want {
            Want::Num if r < 50 => self.rng.pick(NUM_LITERALS),
            Want::Num if r < 90 => self.rng.pick(NUM_ITEMS),
            Want::Num if r < 94 => "null",
            Want::Num => self.rng.pick(&[
                "true",
                "'12'",
                "[days]",
                "#{Zyxwvutsrq9}",
                "#{no_such_var}",
                "if(true, 1, 2)",
                "d2:nope(1)",
                "V{no_such_env}",
                "TRUE",
            ]),
            Want::Text if r < 60 => self.rng.pick(STR_LITERALS),
            Want::Text if r < 95 => self.rng.pick(TEXT_ITEMS),
            Want::Text => "null",
            Want::Bool if r < 45 => self.rng.pick(&["true", "false"]),
            Want::Bool if r < 85 => self.rng.pick(&["#{b1}", "A{b1}"]),
            Want::Bool if r < 92 => "null",
            Want::Bool => self.rng.pick(&["1", "0", "'true'", "2.5"]),
            Want::Date if r < 55 => self.rng.pick(DATE_LITERALS),
            Want::Date if r < 97 => self.rng.pick(DATE_ITEMS),
            Want::Date => "null",
            Want::Any => "null",
        };
        match s {
            "#{Zyxwvutsrq9}" => format!("#{{{MISSING_UID}}}"),
            "#{no_such_var}" => format!("#{{{MISSING_NAME}}}"),
            other => other.to_string(),
        }
    }

    /// `a op b op c ...` without brackets: upstream groups it in its own order.
    fn chain(&mut self, want: Want, ops: &[&str], d: u32) -> String {
        let n = 2 + self.rng.below(3);
        let mut out = self.gen(want, d);
        for _ in 1..n {
            let op = *self.rng.pick(ops);
            // Without spaces, `or#{x}` and `and2` still hold a word operator; `ortrue` does not.
            let space = *self.rng.pick(&[" ", " ", " ", " ", "", "", " /* ភូមិ */ ", "\n"]);
            let operand = self.gen(want, d);
            out = format!("{out}{space}{op}{space}{operand}");
        }
        out
    }

    fn comparison(&mut self, d: u32) -> String {
        let op = *self.rng.pick(&["<", ">", "<=", ">=", "==", "!="]);
        let (a, b) = match self.rng.below(6) {
            0 | 1 => (Want::Num, Want::Num),
            2 => (Want::Text, Want::Text),
            3 => (Want::Date, Want::Date),
            4 => (Want::Text, Want::Num),
            _ => (Want::Any, Want::Any),
        };
        let (l, r) = (self.gen(a, d), self.gen(b, d));
        if self.rng.chance(50) {
            format!("{l} {op} {r}")
        } else {
            format!("{r} {op} {l}")
        }
    }

    /// Mixed comparison and equality operators in one chain (`1 != 2 == true`, `1 > 2 < 3`).
    fn equality_chain(&mut self, d: u32) -> String {
        let mut out = self.gen(Want::Any, d);
        for _ in 0..1 + self.rng.below(2) {
            let op = *self.rng.pick(&["==", "!=", "<", ">", "<=", ">="]);
            let operand = self.gen(Want::Any, d);
            out = format!("{out} {op} {operand}");
        }
        out
    }

    fn data_item(&mut self) -> String {
        match self.rng.below(20) {
            0 => format!("#{{{MISSING_NAME}}}"),
            1 => format!("'{MISSING_NAME}'"),
            2 => format!("#{{{MISSING_UID}}}"),
            _ => self.rng.pick(DATA_ITEM_ARGS).to_string(),
        }
    }

    /// An index or count argument: small whole numbers mostly, some negative, fractional or null.
    fn index(&mut self, d: u32) -> String {
        match self.rng.below(12) {
            0 => "-1".into(),
            1 => "-3".into(),
            2 => "1.5".into(),
            3 => "null".into(),
            4 => self.gen(Want::Num, d.min(1)),
            5 => "100".into(),
            6 => "'2'".into(),
            _ => self.rng.range(0, 6).to_string(),
        }
    }

    fn args(&mut self, want: Want, n: usize, d: u32) -> String {
        (0..n).map(|_| self.gen(want, d)).collect::<Vec<_>>().join(", ")
    }

    fn num_function(&mut self, d: u32) -> String {
        let item = self.data_item();
        match self.rng.below(24) {
            0 => format!("d2:ceil({})", self.gen(Want::Num, d)),
            1 => format!("d2:floor({})", self.gen(Want::Num, d)),
            2 => format!("d2:round({})", self.gen(Want::Num, d)),
            3 => {
                let p = *self.rng.pick(&["0", "1", "2", "3", "-1", "10", "- 2"]);
                format!("d2:round({}, {p})", self.gen(Want::Num, d))
            }
            4 => format!("d2:modulus({}, {})", self.gen(Want::Num, d), self.gen(Want::Num, d)),
            5 => format!("d2:zing({})", self.gen(Want::Num, d)),
            6 => format!("d2:oizp({})", self.gen(Want::Num, d)),
            7 => {
                let n = self.rng.below(4);
                format!("d2:zpvc({})", self.args(Want::Num, n, d))
            }
            8 => format!("d2:length({})", self.gen(Want::Text, d)),
            9 => format!("d2:count({item})"),
            10 => format!("d2:countIfValue({item}, {})", self.gen(Want::Any, d)),
            11 => format!("d2:countIfZeroPos({item})"),
            12 => format!("d2:maxValue({item})"),
            13 => format!("d2:minValue({item})"),
            14..=18 => {
                let f = *self.rng.pick(&[
                    "d2:daysBetween",
                    "d2:weeksBetween",
                    "d2:monthsBetween",
                    "d2:yearsBetween",
                    "d2:minutesBetween",
                ]);
                format!("{f}({}, {})", self.gen(Want::Date, d), self.gen(Want::Date, d))
            }
            19 => {
                let f = *self.rng.pick(&["d2:zScoreWFA", "d2:zScoreHFA", "d2:zScoreWFH"]);
                let param = self.rng.pick(&["0", "12", "30", "60", "30.5", "50", "87.5", "-1", "null"]).to_string();
                let value = self.rng.pick(&["3.0", "5.5", "88.5", "3.1", "12", "null", "#{n1}"]).to_string();
                format!("{f}({param}, {value}, {})", self.rng.pick(GENDERS))
            }
            20 => self.condition(Want::Num, d),
            _ => format!("d2:length({})", self.gen(Want::Any, d)),
        }
    }

    fn text_function(&mut self, d: u32) -> String {
        match self.rng.below(10) {
            0 | 1 => {
                let n = self.rng.below(4);
                format!("d2:concatenate({})", self.args(Want::Any, n, d))
            }
            2 => format!("d2:left({}, {})", self.gen(Want::Text, d), self.index(d)),
            3 => format!("d2:right({}, {})", self.gen(Want::Text, d), self.index(d)),
            4 => format!("d2:substring({}, {}, {})", self.gen(Want::Text, d), self.index(d), self.index(d)),
            5 => {
                let delim = self.rng.pick(&["','", "''", "' '", "'b'", "'.'", "'ូ'", "null"]).to_string();
                format!("d2:split({}, {delim}, {})", self.gen(Want::Text, d), self.index(d))
            }
            6 => {
                let key = self.rng.pick(DATA_MATRIX_KEYS).to_string();
                format!("d2:extractDataMatrixValue({key}, {})", self.rng.pick(DATA_MATRIX_VALUES))
            }
            7 => self.condition(Want::Text, d),
            _ => self.leaf(Want::Text),
        }
    }

    fn bool_function(&mut self, d: u32) -> String {
        match self.rng.below(9) {
            0 => format!("d2:hasValue({})", self.data_item()),
            1 | 2 => {
                let f = if self.rng.chance(50) { "d2:contains" } else { "d2:containsItems" };
                let n = 1 + self.rng.below(3);
                format!("{f}({})", self.args(Want::Text, n, d))
            }
            3 => format!("d2:validatePattern({}, {})", self.gen(Want::Text, d), self.rng.pick(PATTERNS)),
            4 => format!("d2:inOrgUnitGroup({})", self.rng.pick(&["'grpA'", "'grpB'", "'grpC'", "#{s1}", "null"])),
            5 => format!("d2:hasUserRole({})", self.rng.pick(&["'role1'", "'admin'", "'ភូមិ'", "#{s1}", "null"])),
            6 => format!("d2:inUserGroup({})", self.rng.pick(&["'group1'", "'nurses'", "'x'", "null"])),
            7 => self.condition(Want::Bool, d),
            _ => format!("d2:hasValue({})", self.rng.pick(&["#{n1}", "'d1'", "V{event_date}", "A{s1}"])),
        }
    }

    /// `d2:condition('text', a, b)`: the condition is an expression written as a string literal.
    fn condition(&mut self, want: Want, d: u32) -> String {
        // Upstream parses the literal's raw text (escapes untouched), so quote with the quote
        // the text does not use; with both, `\'` makes a condition neither side can parse.
        let inner = self.gen(Want::Bool, d.min(2));
        let quoted = if !inner.contains('\'') {
            format!("'{inner}'")
        } else if !inner.contains('"') {
            format!("\"{inner}\"")
        } else {
            format!("'{}'", inner.replace('\'', "\\'"))
        };
        format!("d2:condition({quoted}, {}, {})", self.gen(want, d), self.gen(want, d))
    }
}
