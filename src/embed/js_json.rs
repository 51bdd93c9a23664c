//! The `payload` property (a JS object) as a JSON value for the core, walked with a depth limit.
//! A hand walk rather than serde-wasm-bindgen: cycles, absurd nesting and throwing getters become
//! path-bearing payload errors instead of a stack overflow, and the bundle loses a dependency.

use crate::core::error::{Path, PayloadError, Problem};
use crate::core::limits::MAX_DEPTH;
use js_sys::{Array, Object, Reflect};
use serde_json::{Map, Number, Value};
use wasm_bindgen::{JsCast, JsValue};

/// Converts a JS value to JSON data as `JSON.stringify` would see it, refusing what JSON cannot hold.
pub fn to_json(value: &JsValue) -> Result<Value, PayloadError> {
    walk(value, &Path::Root, 0)
}

fn kind(value: &JsValue) -> &'static str {
    if value.is_function() {
        "a function"
    } else if value.is_symbol() {
        "a symbol"
    } else if value.is_bigint() {
        "a BigInt"
    } else if value.is_undefined() {
        "undefined"
    } else {
        "a value JSON cannot hold"
    }
}

/// `Object.keys(value)`, through `Reflect.apply` so a proxy that throws gives an error, not an unwind.
fn own_keys(value: &JsValue) -> Result<Array, JsValue> {
    let object_ctor = Reflect::get(&js_sys::global(), &"Object".into())?;
    let keys: js_sys::Function = Reflect::get(&object_ctor, &"keys".into())?.dyn_into()?;
    Ok(Reflect::apply(&keys, &JsValue::UNDEFINED, &Array::of1(value))?.unchecked_into())
}

fn walk(value: &JsValue, path: &Path<'_>, depth: usize) -> Result<Value, PayloadError> {
    if value.is_null() {
        return Ok(Value::Null);
    }
    if let Some(b) = value.as_bool() {
        return Ok(Value::Bool(b));
    }
    if let Some(n) = value.as_f64() {
        return Number::from_f64(n).map(Value::Number).ok_or_else(|| {
            PayloadError::at(
                path,
                Problem::WrongType {
                    expected: "a finite number",
                    found: "NaN or Infinity",
                },
            )
        });
    }
    if let Some(s) = value.as_string() {
        return Ok(Value::String(s));
    }
    if !value.is_object() || value.is_function() {
        return Err(PayloadError::at(
            path,
            Problem::WrongType {
                expected: "JSON data",
                found: kind(value),
            },
        ));
    }
    if depth >= MAX_DEPTH {
        // Also what a cycle (an object containing itself) looks like from here.
        return Err(PayloadError::at(path, Problem::TooDeep(MAX_DEPTH)));
    }
    let unreadable = |path: &Path<'_>| {
        PayloadError::at(
            path,
            Problem::Syntax(
                "the payload property could not be read here (a getter threw)".to_owned(),
            ),
        )
    };
    if Array::is_array(value) {
        let array: &Array = value.unchecked_ref();
        let mut items = Vec::with_capacity(array.length() as usize);
        for i in 0..array.length() {
            let p = path.index(i as usize);
            let item = Reflect::get_u32(array, i).map_err(|_| unreadable(&p))?;
            items.push(walk(&item, &p, depth + 1)?);
        }
        return Ok(Value::Array(items));
    }
    let object: &Object = value.unchecked_ref();
    let mut map = Map::new();
    for key in own_keys(value).map_err(|_| unreadable(path))?.iter() {
        let Some(name) = key.as_string() else {
            continue;
        };
        let p = path.key(&name);
        let item = Reflect::get(object, &key).map_err(|_| unreadable(&p))?;
        // JSON.stringify drops undefined, functions and symbols in objects; so do we.
        if item.is_undefined() || item.is_function() || item.is_symbol() {
            continue;
        }
        let converted = walk(&item, &p, depth + 1)?;
        map.insert(name, converted);
    }
    Ok(Value::Object(map))
}
