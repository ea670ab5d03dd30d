//! Who and where: mentions of people, organisations, places and other names,
//! clustered into actors.

use serde::Serialize;

use crate::segment::Doc;
use crate::span::{Span, Spanned};

/// The kind of an entity, as in CoNLL-2003.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum EntityType {
    PER,
    ORG,
    LOC,
    MISC,
}

/// One actor or place: every mention of it in the article.
#[derive(Clone, Debug, Serialize)]
pub struct Entity {
    /// `e1`, `e2`… in order of first mention.
    pub id: String,
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// The fullest form the article uses.
    pub name: String,
    pub mentions: Vec<Span>,
    /// Roles the article gives the actor ("porte-parole du Kremlin").
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<String>,
}

impl Spanned for Entity {
    fn visit_offsets(&mut self, f: &mut dyn FnMut(&mut usize)) {
        self.mentions.visit_offsets(f);
    }
}

/// Finds the entities of the article.
pub fn find(_doc: &Doc) -> Vec<Entity> {
    Vec::new()
}
