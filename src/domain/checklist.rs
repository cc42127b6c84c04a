//! The checklists: what to have done before a group meets and what to see to before leaving,
//! in the room or online, and when each thing was ticked off.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Where a group meets, which decides what preparing for it takes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Setting {
    #[default]
    InPerson,
    Online,
}

impl Setting {
    pub fn name(self) -> &'static str {
        match self {
            Self::InPerson => "in-person",
            Self::Online => "online",
        }
    }

    /// The checklist a new group of this setting starts with; the group's file can change it.
    pub fn default_checklist(self) -> Vec<String> {
        let items: &[&str] = match self {
            Self::InPerson => &[
                "Arrive 20–30 minutes early",
                "Chairs in a circle, one spare",
                "Sign on the door: no interruptions",
                "Water and tissues to hand",
                "Ready to brief fire exits and toilets",
                "Ground rules to hand",
            ],
            Self::Online => &[
                "Technical helper in the call",
                "Links sent, by BCC",
                "Waivers returned",
                "Waiting room on; recording off",
                "Quiet room, notifications off",
                "Ground rules to hand",
            ],
        };
        items.iter().map(|item| (*item).to_owned()).collect()
    }

    /// What to see to before leaving, in the review; the group's file can change it.
    pub fn default_end_checklist(self) -> Vec<String> {
        let items: &[&str] = match self {
            Self::InPerson => &[
                "Nobody left on their own who was upset",
                "Room left as found: chairs back, windows shut",
                "Follow-ups written down",
            ],
            Self::Online => &[
                "Last to leave: meeting ended for everyone",
                "Chat saved or cleared, as the group agreed",
                "Follow-ups written down",
            ],
        };
        items.iter().map(|item| (*item).to_owned()).collect()
    }
}

/// One thing to prepare, and when it was ticked, if it was.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Check {
    pub item: String,
    #[serde(default)]
    pub ticked_at: Option<DateTime<Utc>>,
}

impl Check {
    pub fn list(items: &[String]) -> Vec<Self> {
        items
            .iter()
            .map(|item| Self {
                item: item.clone(),
                ticked_at: None,
            })
            .collect()
    }

    /// Ticks an unticked item at `now`, or unticks a ticked one.
    pub fn toggle(&mut self, now: DateTime<Utc>) {
        self.ticked_at = match self.ticked_at {
            Some(_) => None,
            None => Some(now),
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticking_records_the_time_and_unticking_clears_it() {
        let mut checks = Check::list(&Setting::Online.default_checklist());
        let now = DateTime::UNIX_EPOCH;
        checks[1].toggle(now);
        assert_eq!(checks[1].ticked_at, Some(now));
        checks[1].toggle(now);
        assert_eq!(checks[1].ticked_at, None);
        assert!(checks.iter().any(|check| check.item.contains("BCC")));
    }
}
