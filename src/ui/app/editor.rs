//! What the agenda and ground-rules editors' keys do during a session: each change is an event,
//! so the log keeps every edit with its time.

use super::{App, Input, Overlay};
use crate::domain::plan::AgendaEdit;
use crate::domain::{EventKind, PlanItem};
use crate::ui::editor::{self, Listed};
use crate::ui::item_form::ItemForm;
use crate::ui::keys::action::Action;

impl App {
    /// Opens an editor on its first entry that can change.
    pub(super) fn open_editor(&mut self, list: Listed) {
        let selected = match list {
            Listed::Agenda => self
                .recorder
                .session
                .first_editable()
                .min(self.recorder.session.items.len().saturating_sub(1)),
            Listed::Rules => 0,
        };
        self.overlay = Some(Overlay::Edit { list, selected });
    }

    /// How many entries the list has.
    fn entries(&self, list: Listed) -> usize {
        match list {
            Listed::Agenda => self.recorder.session.items.len(),
            Listed::Rules => self.recorder.session.rules.len(),
        }
    }

    /// Carries out an editor key on the entry the open editor has selected; the editor stays
    /// open, its selection following the entry changed, unless the key opens a line to type or
    /// the new item's form.
    pub(super) fn edit_list(&mut self, action: Action) {
        let Some(Overlay::Edit { list, selected }) = self.overlay else {
            return;
        };
        let last = self.entries(list).saturating_sub(1);
        let mut selected = selected.min(last);
        match (list, action) {
            (_, Action::ListUp) => selected = selected.saturating_sub(1),
            (_, Action::ListDown) => selected = (selected + 1).min(last),
            (Listed::Agenda, Action::AddEntry) => {
                let at = (selected + 1).max(self.recorder.session.first_editable());
                let from = selected;
                self.overlay = Some(Overlay::NewItem {
                    form: ItemForm::default(),
                    at,
                    from,
                });
                return;
            }
            (Listed::Agenda, Action::ChangeEntry) => {
                self.message = Some(
                    "a title is changed in the plan file; here, add an item and remove the old one"
                        .to_owned(),
                );
            }
            (Listed::Agenda, action) => {
                let minutes: Vec<u32> = self
                    .recorder
                    .session
                    .items
                    .iter()
                    .map(|item| item.minutes)
                    .collect();
                match editor::agenda_edit(action, &minutes, selected) {
                    Ok(edit) => {
                        let follows = match &edit {
                            AgendaEdit::Move { to, .. } => *to,
                            AgendaEdit::Remove { index } => (*index).min(last.saturating_sub(1)),
                            _ => selected,
                        };
                        if self.edit_agenda(edit) {
                            selected = follows;
                        }
                    }
                    Err(reason) => self.message = Some(reason.to_string()),
                }
            }
            (Listed::Rules, Action::AddEntry) => {
                let at = if self.recorder.session.rules.is_empty() {
                    0
                } else {
                    selected + 1
                };
                let from = selected;
                return self.open_input(Input::NewRule { at, from }, String::new());
            }
            (Listed::Rules, Action::ChangeEntry) => {
                if let Some(rule) = self.recorder.session.rules.get(selected).cloned() {
                    return self.open_input(Input::ChangeRule(selected), rule);
                }
            }
            (Listed::Rules, Action::RemoveEntry | Action::Earlier | Action::Later) => {
                let mut rules = self.recorder.session.rules.clone();
                let follows = match action {
                    _ if selected >= rules.len() => None,
                    Action::RemoveEntry => {
                        rules.remove(selected);
                        Some(selected.min(rules.len().saturating_sub(1)))
                    }
                    Action::Earlier if selected > 0 => {
                        rules.swap(selected, selected - 1);
                        Some(selected - 1)
                    }
                    Action::Later if selected < last => {
                        rules.swap(selected, selected + 1);
                        Some(selected + 1)
                    }
                    _ => None,
                };
                if let Some(follows) = follows
                    && self.set_rules(rules)
                {
                    selected = follows;
                }
            }
            (Listed::Rules, _) => self.message = Some("rules have no minutes".to_owned()),
        }
        self.select_entry(selected);
    }

    /// Selects entry `at` in the open editor.
    fn select_entry(&mut self, at: usize) {
        if let Some(Overlay::Edit { selected, .. }) = &mut self.overlay {
            *selected = at;
        }
    }

    fn edit_agenda(&mut self, edit: AgendaEdit) -> bool {
        // Checked first, so a refused edit is explained rather than recorded and rejected.
        if let Err(reason) = self.recorder.session.check_agenda_edit(&edit) {
            self.message = Some(reason.to_string());
            return false;
        }
        self.record_kind(EventKind::AgendaEdited(edit))
    }

    /// Records the rules as changed; false if they are the same, or were not recorded.
    fn set_rules(&mut self, rules: Vec<String>) -> bool {
        let changed =
            rules != self.recorder.session.rules && self.record_kind(EventKind::RulesEdited { rules });
        if changed {
            self.message = Some("ground rules changed; the group keeps them for its next session".to_owned());
        }
        changed
    }

    /// Adds the item its form was filled in with, in the agenda editor (open again on the entry
    /// the form was opened from), as one edit: the new item is selected if it was added.
    pub(super) fn add_item(&mut self, at: usize, item: PlanItem) {
        if self.edit_agenda(AgendaEdit::Insert { index: at, item }) {
            self.select_entry(at);
        }
    }

    /// Takes in a typed rule, in its editor (open again on the entry the line was typed from):
    /// the new rule is selected if it was made.
    pub(super) fn submit_entry(&mut self, purpose: Input, text: String) {
        let (at, made) = match purpose {
            Input::NewRule { at, .. } | Input::ChangeRule(at) => {
                let text = text.trim().to_owned();
                let mut rules = self.recorder.session.rules.clone();
                let made = match (purpose, text.is_empty()) {
                    (_, true) => {
                        self.message = Some("a rule needs some words".to_owned());
                        false
                    }
                    (Input::ChangeRule(_), false) if at < rules.len() => {
                        rules[at] = text;
                        self.set_rules(rules)
                    }
                    (_, false) => {
                        rules.insert(at.min(rules.len()), text);
                        self.set_rules(rules)
                    }
                };
                (at, made)
            }
            _ => return,
        };
        if made {
            self.select_entry(at);
        }
    }
}
