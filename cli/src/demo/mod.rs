//! `phum demo`: the trainer's walkthrough of Phum in a terminal, in Khmer or English, on the
//! bundled practice data (`phum_core::demo`), in front of a class.
//!
//! The flow: open the demo account's database in `--dir` (made with the practice data the first
//! time; `--reset`, a scripted run, and menu item 7 put it back to its initial state), show the
//! training banner, pick a village of the trainee's health centre, then a menu: find or register
//! a person (`people`), their immunization card and a vaccination visit (`card`), an adult's
//! blood-pressure visit (`ncd`), the village's overdue list and what would be sent (`lists`),
//! the monthly village report (`report`), reset, change village, quit. Forms are filled with the
//! rules' messages shown after each value (`fill`). Everything is shown by name in the chosen
//! language: people, places, vaccines, dates (`i18n::format_date`), digits as chosen, core errors
//! with their localized text; never a UID.
//!
//! A scripted run (`--script FILE`, see `prompt`) reads the same answers from a file, starts
//! from the initial practice data (so running it twice gives the same transcript and never
//! registers anyone twice) and prints the session as a transcript without colours.
//!
//! Owns the dialogue. Does not own the practice data, forms, rules, lists or search (the core).

mod card;
mod fill;
mod lists;
mod ncd;
mod people;
mod prompt;
mod report;
mod screen;
mod world;

use std::io::IsTerminal;
use std::path::PathBuf;

use phum_core::form::FormContext;
use phum_core::i18n::{Lang, Locale, Localize, Message, ScreenText};
use phum_core::model::{DeviceClock, Uid};
use phum_core::store::{DbKey, Store};

use crate::error::CliError;
use prompt::{NoAnswer, Prompter};
use screen::{Screen, Tone};
use world::Setup;

#[derive(clap::Args)]
pub struct DemoArgs {
    /// Replay the answers in FILE instead of reading the terminal (see SCRIPT FORMAT).
    #[arg(long, value_name = "FILE")]
    pub script: Option<PathBuf>,
    /// Where the demo account's database lives (default: $XDG_DATA_HOME/phum/demo, or
    /// ~/.local/share/phum/demo).
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
    /// Put the practice data back to its initial state before starting.
    #[arg(long)]
    pub reset: bool,
}

/// The terminal: what is shown and where answers come from.
pub struct Ui {
    pub screen: Screen,
    pub prompter: Prompter,
}

/// A person the trainee is looking at.
#[derive(Debug, Clone)]
pub struct Person {
    pub tracked_entity: Uid,
    /// Name (and the other attributes shown in lists), in the reader's digits and dates.
    pub label: String,
}

/// The demo account while the walkthrough runs.
pub struct Demo {
    pub store: Store,
    /// The key of the demo account's files (reset opens them again).
    pub key: DbKey,
    pub ctx: FormContext,
    pub setup: Setup,
    pub locale: Locale,
    /// The village picked (an index into `setup.villages`).
    pub village: usize,
    pub person: Option<Person>,
}

impl Demo {
    pub fn village_uid(&self) -> Uid {
        self.setup.villages[self.village].uid
    }

    pub fn village_name(&self) -> &str {
        &self.setup.villages[self.village].name
    }

    /// Whether `person` lives in the village picked (their "Village" attribute).
    pub fn lives_in_village(&self, person: Uid) -> bool {
        let (Some(attribute), Some(code)) = (self.setup.village_attribute, &self.setup.villages[self.village].code)
        else {
            return true;
        };
        let values = self.store.data().attribute_values(person).unwrap_or_default();
        values.iter().any(|(a, v)| *a == attribute && v == code)
    }
}

/// The folder of the demo database when `--dir` is not given.
fn default_dir() -> PathBuf {
    crate::db::data_dir("demo")
}

pub fn run(args: DemoArgs, locale: Locale) -> Result<(), CliError> {
    let dir = args.dir.clone().unwrap_or_else(default_dir);
    let prompter = match &args.script {
        Some(path) => {
            Prompter::script(path).map_err(|source| CliError::ScriptUnreadable { path: path.clone(), source })?
        }
        None => Prompter::terminal(Box::new(std::io::stdin().lock())),
    };
    let colour = args.script.is_none() && std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let screen = Screen::new(Box::new(std::io::stdout()), locale, colour);
    let mut ui = Ui { screen, prompter };
    let reset = args.reset || args.script.is_some();
    let clock = DeviceClock::default();
    let world::Opened { store, key, setup } = world::open(&dir, reset, &clock, locale)?;
    let mut ctx = FormContext::new(clock).with_locale(locale);
    ctx = ctx.with_capture_org_units(vec![setup.health_centre.uid]);
    let mut demo = Demo { store, key, ctx, setup, locale, village: 0, person: None };
    let result = walkthrough(&mut ui, &mut demo);
    ui.screen.flush();
    match result {
        Ok(()) | Err(NoAnswer::End) => Ok(()),
        Err(NoAnswer::Mismatch(line, answer)) => {
            Err(CliError::DemoScript { path: args.script.unwrap_or_default(), line, answer })
        }
    }
}

fn walkthrough(ui: &mut Ui, demo: &mut Demo) -> Result<(), NoAnswer> {
    banner(ui, demo);
    pick_village(ui, demo)?;
    loop {
        ui.screen.heading(&phum_core::msg!("demo-menu-title", village = demo.village_name()));
        if demo.store.is_demo() {
            ui.screen.say(Tone::Quiet, &ScreenText::DemoBanner.message());
        }
        if let Some(person) = &demo.person {
            let text = ui.screen.text(&phum_core::msg!("demo-menu-person-chosen", person = person.label.as_str()));
            ui.screen.write(Tone::Quiet, 0, &text);
        }
        let items = menu_items();
        for (i, item) in items.iter().enumerate() {
            let text = ui.screen.text(item);
            ui.screen.choice(i + 1, &text);
        }
        let text = ui.screen.text(&Message::new("demo-menu-quit"));
        ui.screen.choice(0, &text);
        match ui.prompter.number(&mut ui.screen, &Message::new("demo-menu-choose"), items.len())? {
            0 => break,
            1 => people::find_or_register(ui, demo)?,
            2 => card::immunization(ui, demo)?,
            3 => ncd::blood_pressure_visit(ui, demo)?,
            4 => lists::overdue(ui, demo),
            5 => report::monthly(ui, demo)?,
            6 => lists::outbox(ui, demo),
            7 => reset(ui, demo),
            8 => pick_village(ui, demo)?,
            _ => settings(ui, demo)?,
        }
    }
    ui.screen.say(Tone::Quiet, &Message::new("demo-goodbye"));
    Ok(())
}

/// The menu, in order after 0 (quit).
fn menu_items() -> Vec<Message> {
    vec![
        ScreenText::HomeFindPerson.message(),
        Message::new("demo-menu-card"),
        Message::new("demo-menu-ncd"),
        Message::new("demo-menu-overdue"),
        ScreenText::ReportTitle.message(),
        Message::new("demo-menu-outbox"),
        ScreenText::DemoReset.message(),
        Message::new("demo-menu-village"),
        ScreenText::SettingsTitle.message(),
    ]
}

/// Settings: the language and Khmer digits, changed while the demo runs (every screen after
/// this one, and every form opened, speaks the new choice; the data is unchanged).
fn settings(ui: &mut Ui, demo: &mut Demo) -> Result<(), NoAnswer> {
    ui.screen.heading(&ScreenText::SettingsTitle.message());
    for (i, choice) in [ScreenText::LanguageKhmer, ScreenText::LanguageEnglish].iter().enumerate() {
        let text = ui.screen.text(&choice.message());
        ui.screen.choice(i + 1, &text);
    }
    let back = ui.screen.text(&ScreenText::Back.message());
    ui.screen.choice(0, &back);
    let lang = match ui.prompter.number(&mut ui.screen, &ScreenText::SettingsLanguage.message(), 2)? {
        1 => Lang::Km,
        2 => Lang::En,
        _ => return Ok(()),
    };
    ui.screen.say(Tone::Quiet, &ScreenText::KhmerDigitsHint.message());
    for (i, choice) in [ScreenText::Yes, ScreenText::No].iter().enumerate() {
        let text = ui.screen.text(&choice.message());
        ui.screen.choice(i + 1, &text);
    }
    let khmer_digits = match ui.prompter.number(&mut ui.screen, &ScreenText::KhmerDigits.message(), 2)? {
        1 => true,
        2 => false,
        _ => return Ok(()),
    };
    demo.switch_locale(Locale::new(lang, khmer_digits));
    ui.screen.locale = demo.locale;
    Ok(())
}

impl Demo {
    /// Speaks `locale` from now on: forms, places and the chosen person's line.
    pub fn switch_locale(&mut self, locale: Locale) {
        self.locale = locale;
        self.ctx.locale = locale;
        self.setup = world::roles(&self.store, locale);
        if let Some(person) = self.person.take() {
            let label = people::label(self, person.tracked_entity);
            self.person = Some(Person { label, ..person });
        }
    }
}

fn banner(ui: &mut Ui, demo: &Demo) {
    // The day the practice data was made relative to (its first opening, or the last rebuild).
    let anchor = demo.store.demo_mark().ok().flatten().map_or(demo.ctx.today(), |mark| mark.anchor_date);
    ui.screen.heading(&ScreenText::DemoBanner.message());
    let text = ui.screen.text(&phum_core::msg!(
        "demo-banner",
        health_centre = demo.setup.health_centre.name.as_str(),
        anchor = anchor,
        today = demo.ctx.today()
    ));
    ui.screen.write(Tone::Warning, 0, &text);
}

fn pick_village(ui: &mut Ui, demo: &mut Demo) -> Result<(), NoAnswer> {
    ui.screen.heading(&phum_core::msg!("demo-village-title", health_centre = demo.setup.health_centre.name.as_str()));
    for (i, village) in demo.setup.villages.iter().enumerate() {
        ui.screen.choice(i + 1, &village.name);
    }
    let last = demo.setup.villages.len();
    let chosen = loop {
        let n = ui.prompter.number(&mut ui.screen, &Message::new("demo-village-choose"), last)?;
        if n > 0 {
            break n;
        }
    };
    demo.village = chosen - 1;
    demo.person = None;
    Ok(())
}

fn reset(ui: &mut Ui, demo: &mut Demo) {
    match world::reset(&mut demo.store, &demo.key) {
        Ok(()) => {
            demo.person = None;
            ui.screen.say(Tone::Good, &ScreenText::DemoResetDone.message());
        }
        Err(message) => ui.screen.say(Tone::Error, &message),
    }
}
