//! The plan of a session: agenda items with their planned minutes, and the group's ground rules.

use serde::{Deserialize, Serialize};

/// The longest an agenda item may be planned for: ten hours.
pub const MAX_MINUTES: u32 = 600;

/// What the facilitator intends to do, in order, before any of it has happened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    pub name: String,
    pub group: String,
    pub items: Vec<PlanItem>,
    pub ground_rules: Vec<String>,
}

/// One agenda item as planned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanItem {
    pub title: String,
    pub minutes: u32,
    /// A protected item is never shrunk by rebalancing below `min_minutes`
    /// (which defaults to its full planned length).
    #[serde(default)]
    pub protected: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_minutes: Option<u32>,
}

impl PlanItem {
    pub fn new(title: &str, minutes: u32) -> Self {
        Self {
            title: title.to_owned(),
            minutes,
            protected: false,
            min_minutes: None,
        }
    }

    pub fn protected(mut self) -> Self {
        self.protected = true;
        self
    }

    /// The fewest minutes rebalancing may leave this item: an unprotected item keeps at
    /// least one minute so it is still visible as a step, a protected one its minimum.
    pub fn floor_minutes(&self) -> u32 {
        if self.protected {
            self.min_minutes.unwrap_or(self.minutes).max(1)
        } else {
            1
        }
    }
}

impl Plan {
    /// The built-in 90-minute peer support session.
    pub fn builtin() -> Self {
        Self {
            name: "Peer support session (90 minutes)".to_owned(),
            group: "Peer support group".to_owned(),
            items: vec![
                PlanItem::new("Welcome and ground rules", 10),
                PlanItem::new("Check-in round", 15),
                PlanItem::new("Topic discussion", 30),
                PlanItem::new("Break", 10),
                PlanItem::new("Activity", 15),
                PlanItem::new("Closing round", 10).protected(),
            ],
            ground_rules: [
                "What is said in the group stays in the group.",
                "One person speaks at a time; raise a hand to come in.",
                "Speak from your own experience: say \"I\", and offer advice only when asked.",
                "Respect each other: no judgement, every experience is valid.",
                "You can always pass: nobody has to share.",
                "Phones on silent; step out whenever you need to, and come back when ready.",
                "We start and finish on time.",
            ]
            .iter()
            .map(|rule| (*rule).to_owned())
            .collect(),
        }
    }

    pub fn total_minutes(&self) -> u32 {
        self.items.iter().map(|item| item.minutes).sum()
    }

    /// Checks what the rest of the app relies on, naming the field that is wrong.
    pub fn validate(&self) -> Result<(), String> {
        if self.items.is_empty() {
            return Err("items: a plan needs at least one agenda item".to_owned());
        }
        for (index, item) in self.items.iter().enumerate() {
            let at = format!("items[{index}] ({:?})", item.title);
            if item.title.trim().is_empty() {
                return Err(format!("items[{index}].title: must not be empty"));
            }
            if !(1..=MAX_MINUTES).contains(&item.minutes) {
                return Err(format!(
                    "{at}.minutes: {} is out of range; use 1 to {MAX_MINUTES}",
                    item.minutes
                ));
            }
            if let Some(min) = item.min_minutes
                && min > item.minutes
            {
                return Err(format!(
                    "{at}.min_minutes: {min} is more than its {} planned minutes",
                    item.minutes
                ));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_plan_is_ninety_minutes_and_valid() {
        let plan = Plan::builtin();
        assert_eq!(plan.total_minutes(), 90);
        assert_eq!(plan.validate(), Ok(()));
        assert!(plan.items.last().is_some_and(|item| item.protected));
    }

    #[test]
    fn validation_names_the_field() {
        let mut plan = Plan::builtin();
        plan.items[2].minutes = 0;
        let err = plan.validate().unwrap_err();
        assert!(err.contains("items[2]") && err.contains("minutes"), "{err}");
        plan.items.clear();
        assert!(plan.validate().unwrap_err().starts_with("items:"));
    }

    #[test]
    fn floors_follow_protection() {
        let mut item = PlanItem::new("Closing round", 10).protected();
        assert_eq!(item.floor_minutes(), 10);
        item.min_minutes = Some(6);
        assert_eq!(item.floor_minutes(), 6);
        assert_eq!(PlanItem::new("Activity", 15).floor_minutes(), 1);
    }
}
