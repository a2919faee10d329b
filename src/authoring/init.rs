//! `anslag init DIR`: a new site with a `site.yaml` to edit and one example of each kind, which
//! builds as it is.

use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostic, Diagnostics};

const SITE_YAML: &str = r#"# The site's settings. Unknown keys are errors; `anslag build` names the line of any mistake.
base_url: https://www.example.org        # where the site will be published
timezone: Europe/Stockholm               # IANA time zone: dates without an offset are taken in it
default_language: en
languages:                               # code, the language's name in itself, dir: ltr | rtl
  - { code: en, name: English }
  - { code: sv, name: Svenska }
  # - { code: ar, name: العربية, dir: rtl }
  # - { code: fa, name: فارسی, dir: rtl, locale: fa-u-ca-gregory }
title: { en: Example Municipality, sv: Exempels kommun }
organisation:
  name: { en: Example Municipality, sv: Exempels kommun }
  address: "Town Hall Square 1, 123 45 Example"
  phone: "+46 31 390 06 00"
  email: info@example.org
  boilerplate:                           # "about us" under every press release
    en: Example Municipality is home to 20,000 people.
    sv: Exempels kommun har 20 000 invånare.
topics:                                  # kind: school | preschool | unit | committee | subject
  - { id: north-school, kind: school, name: North School }
  - { id: council, kind: committee, name: { en: Municipal Council, sv: Kommunfullmäktige } }
minutes:
  decision_headings: [Decision, Beslut]  # the title of an agenda item's decision subsection
  closed_titles: true                    # publish the titles of closed items (never their text)
  appeal_days: 21                        # appeal period on the official notice board
paginate: 10
"#;

const PRESS: &str = r#"---
title: A new library opens in the town centre
date: 2026-01-15T10:00:00+01:00
summary: The new library opens on 1 February with longer opening hours.
topics: [north-school]
contacts:
  - { name: Alex Example, role: Head of culture, phone: "+46 31 390 06 01", email: culture@example.org }
---

## Opening hours

The library is open every day from 8 am to 8 pm.
"#;

const NOTICE: &str = r#"---
title: North School closed on Friday
date: 2026-01-20T08:00:00+01:00
summary: North School is closed on Friday 23 January for staff training.
topics: [north-school]
urgency: important
expires: 2026-01-23T18:00:00+01:00
instruction: Keep your child at home on Friday, or book a place in the holiday club.
---

## What you need to do

Book a place in the holiday club by Wednesday if your child needs care.
"#;

const MINUTES: &str = r#"---
title: Municipal Council, meeting of 12 January 2026
date: 2026-01-14T12:00:00+01:00
summary: The council adopted the library's opening hours.
committee: council
meeting: { start: 2026-01-12T18:00:00+01:00, place: "Council chamber, Town Hall" }
attendees:
  - { name: Sam Example, role: chair }
  - { name: Robin Example, absent: true }
approved: 2026-01-14
---

## § 1 Opening hours of the library {#p1 case="KF-2026/1"}

The library proposes opening every day from 8 am to 8 pm.

### Decision

The council adopts the proposal.
"#;

/// Writes a new site into `dir`, which must not exist or be empty.
pub fn init(dir: &Path) -> Result<Vec<PathBuf>, Diagnostics> {
    let err = |m: String, h: &str| Diagnostics(vec![Diagnostic::error(dir, m).hint(h.to_owned())]);
    if dir.exists()
        && std::fs::read_dir(dir)
            .map(|mut d| d.next().is_some())
            .unwrap_or(true)
    {
        return Err(err(
            "the folder is not empty".into(),
            "choose a new folder name; nothing was written",
        ));
    }
    let files = [
        ("site.yaml", SITE_YAML),
        ("content/press/2026-01-15-new-library.en.md", PRESS),
        (
            "content/notices/2026-01-20-north-school-closed.en.md",
            NOTICE,
        ),
        ("content/minutes/2026-01-12-council.en.md", MINUTES),
    ];
    let mut written = Vec::new();
    for (rel, text) in files {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| {
                err(
                    format!("cannot create {}: {e}", parent.display()),
                    "check the permissions",
                )
            })?;
        }
        std::fs::write(&path, text).map_err(|e| {
            err(
                format!("cannot write {}: {e}", path.display()),
                "check the permissions",
            )
        })?;
        written.push(PathBuf::from(rel));
    }
    Ok(written)
}
