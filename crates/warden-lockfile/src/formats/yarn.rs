//! yarn lockfiles: not written yet.

use crate::error::{ErrorKind, ParseError};
use crate::model::Inventory;
use crate::Input;

pub fn parse(_input: &Input<'_>) -> Result<Inventory, ParseError> {
    Err(ParseError::new(ErrorKind::UnsupportedVersion, "yarn lockfiles are not supported yet"))
}
