//! Which values the comparison shows: both versions, or one with change marks (the `view` attribute).
//! Model, not view: the reader state, the CLI and the components all read it, so it lives beside `Pair`.

/// Which values the comparison shows (the `view` attribute).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ViewMode {
    /// Both versions side by side (stacked on narrow screens).
    #[default]
    Split,
    /// The earlier version only, with change marks.
    Before,
    /// The later version only, with change marks.
    After,
}

impl ViewMode {
    /// Reads the `view` attribute; anything unknown means the default, with a warning.
    pub fn from_attribute(attr: Option<&str>) -> (ViewMode, Option<String>) {
        match attr.map(str::trim) {
            None | Some("") | Some("split") => (ViewMode::Split, None),
            Some("before") => (ViewMode::Before, None),
            Some("after") => (ViewMode::After, None),
            Some(other) => (
                ViewMode::Split,
                Some(format!(
                    "view=\"{other}\" ignored: expected split, before or after"
                )),
            ),
        }
    }

    /// The attribute value naming this mode.
    pub fn as_str(self) -> &'static str {
        match self {
            ViewMode::Split => "split",
            ViewMode::Before => "before",
            ViewMode::After => "after",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attribute_round_trips_and_unknown_values_warn() {
        for mode in [ViewMode::Split, ViewMode::Before, ViewMode::After] {
            assert_eq!(ViewMode::from_attribute(Some(mode.as_str())), (mode, None));
        }
        assert_eq!(ViewMode::from_attribute(None), (ViewMode::Split, None));
        assert_eq!(ViewMode::from_attribute(Some(" after ")).0, ViewMode::After);
        let (mode, warning) = ViewMode::from_attribute(Some("sideways"));
        assert_eq!(mode, ViewMode::Split);
        assert_eq!(
            warning.as_deref(),
            Some("view=\"sideways\" ignored: expected split, before or after")
        );
    }
}
