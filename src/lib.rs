//! dealdiff: an embeddable widget that shows how an agreement changed, term by term, with sourced quotes.
//!
//! Module map (data flows top to bottom):
//! - [`core`]: payload v1 → validated [`core::Deal`] → per-term changes. Plain Rust, no browser APIs.
//! - [`view`]: Yew components that render a `Deal` (or the problems that stopped it).
//! - `embed` (feature `csr`): the `#[wasm_bindgen]` surface the JS loader calls, one `Widget` per `<deal-diff>`.
//! - `tools` (feature `editor`): the payload editor's helpers, in a wasm of their own (`dist/editor/`).
//! - `schema` (feature `schema`): the payload's JSON Schema, generated from the wire types (for the
//!   `dealdiff` command line in `src/bin/`, feature `cli`).
#![deny(missing_docs)]

pub mod core;
pub mod i18n;
pub mod view;

#[cfg(feature = "schema")]
pub mod schema;

#[cfg(feature = "csr")]
pub mod embed;

// Its own build (scripts/build-editor.mjs), so the widget's wasm, which every reader downloads,
// does not carry what only the editor page uses. The file stays beside the rest of the wasm surface.
#[cfg(feature = "editor")]
#[path = "embed/tools.rs"]
mod tools;
