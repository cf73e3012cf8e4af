//! Features beyond pages and lists, on loaded (and, per site, resolved) data, each owning its
//! logic and outputs: contests (`contest`: checks, editions, status, the rule page's data;
//! the files are read by `load::contest`), the editorial calendar (`calendar`: quotas, ISO
//! weeks, key dates, next change, table/CSV/JSON/ICS), the site search index (`search`; the
//! words are counted at load by `load::search`), photos (`images`: processing and cache), the
//! practice quiz (`quiz`) and the iCalendar writer they share (`ics`). They use `load` and
//! `resolve`; `render` uses them, never the other way round.

pub mod calendar;
pub mod contest;
pub mod ics;
pub mod images;
pub mod quiz;
pub mod search;
