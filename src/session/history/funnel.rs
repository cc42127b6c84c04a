//! The referral funnel, by referring team: of those referred, how many were contacted, came
//! once, and kept coming. The roster says who was referred and by whom; the sessions say who came.

use super::History;
use crate::domain::hands::same_name;
use crate::domain::roster::{Roster, Status};

/// Someone who came to this many sessions or more kept coming: past a first look and a second
/// try, the group has become part of their week.
pub const KEPT_COMING: usize = 3;

/// One referring team's referrals, stage by stage; each stage counts the people in the one before.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stages {
    /// As the roster first spells it.
    pub team: String,
    pub referred: usize,
    pub contacted: usize,
    pub came_once: usize,
    pub kept_coming: usize,
}

impl Stages {
    fn new(team: &str) -> Self {
        Self {
            team: team.to_owned(),
            referred: 0,
            contacted: 0,
            came_once: 0,
            kept_coming: 0,
        }
    }

    /// The stages as (name, count), in order.
    pub fn named(&self) -> [(&'static str, usize); 4] {
        [
            ("Referred", self.referred),
            ("Contacted", self.contacted),
            ("Came once", self.came_once),
            ("Kept coming", self.kept_coming),
        ]
    }
}

/// Every team's funnel, teams in the order their first referral was added, and all of them together.
pub fn funnel(roster: &Roster, history: &History) -> (Vec<Stages>, Stages) {
    let mut teams: Vec<Stages> = Vec::new();
    let mut all = Stages::new("All teams");
    for member in &roster.members {
        let came = (history.people.iter())
            .find(|person| same_name(&person.name, &member.name))
            .map_or(0, super::Person::attended);
        // Someone who came, or whose status moved on past a referral, was reached; the
        // waiting list and a decline say nothing either way, so only a noted contact counts.
        let moved_on = matches!(
            member.status,
            Status::Contacted
                | Status::WaiverSent
                | Status::WaiverReturned
                | Status::Confirmed
                | Status::Left
        );
        let contacted = came > 0 || moved_on || !member.contacts.is_empty();
        let found = (teams.iter()).position(|stages| same_name(&stages.team, &member.referred_by));
        let index = found.unwrap_or_else(|| {
            teams.push(Stages::new(member.referred_by.trim()));
            teams.len() - 1
        });
        for stages in [&mut teams[index], &mut all] {
            stages.referred += 1;
            stages.contacted += usize::from(contacted);
            stages.came_once += usize::from(came > 0);
            stages.kept_coming += usize::from(came >= KEPT_COMING);
        }
    }
    (teams, all)
}
