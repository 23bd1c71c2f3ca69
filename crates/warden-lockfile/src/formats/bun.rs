//! bun lockfiles: not written yet.

use crate::Input;
use crate::error::{ErrorKind, ParseError};
use crate::model::Inventory;

pub fn parse(_input: &Input<'_>) -> Result<Inventory, ParseError> {
    Err(ParseError::new(
        ErrorKind::UnsupportedVersion,
        "bun lockfiles are not supported yet",
    ))
}
