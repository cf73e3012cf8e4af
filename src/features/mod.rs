//! Features beyond pages and lists, each owning its data and outputs: contests and their
//! calendars, the practice quiz, and the iCalendar writer they share.

pub mod calendar;
pub mod contest;
pub mod ics;
pub mod images;
pub mod quiz;
pub mod search;
