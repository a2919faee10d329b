//! The JSON Schemas (draft 2020-12) of the API's files, derived with `schemars` from the very
//! types the files are serialised from ([`super::types`]), so they cannot drift apart.

use schemars::generate::SchemaSettings;
use schemars::transform::{RecursiveTransform, Transform};
use schemars::{JsonSchema, Schema};

use super::types::{AlertsFile, DocumentFile, IndexFile, ListFile, NoticeBoardFile};

/// The schema of `T`, identified by the absolute URL it is published at.
pub fn schema_for<T: JsonSchema>(id: String) -> Schema {
    let mut schema = SchemaSettings::draft2020_12()
        .into_generator()
        .into_root_schema_for::<T>();
    RecursiveTransform(every_member_required).transform(&mut schema);
    schema.insert("$id".into(), id.into());
    schema
}

/// The API always writes every member of an object, `null` when there is no value, so every
/// declared property is required (schemars leaves `Option` members optional).
fn every_member_required(schema: &mut Schema) {
    let Some(obj) = schema.as_object_mut() else {
        return;
    };
    let Some(props) = obj.get("properties").and_then(|p| p.as_object()) else {
        return;
    };
    let names: Vec<String> = props.keys().cloned().collect();
    let required = obj
        .entry("required")
        .or_insert_with(|| serde_json::Value::Array(Vec::new()));
    if let Some(list) = required.as_array_mut() {
        for name in names {
            if !list.iter().any(|v| v.as_str() == Some(&name)) {
                list.push(name.into());
            }
        }
    }
}

/// Every schema, by name (`index`, `document`, `list`, `notice-board`, `alerts`), given the
/// URL each is published at.
pub fn all(url: impl Fn(&str) -> String) -> Vec<(&'static str, Schema)> {
    let schemas = vec![
        ("index", schema_for::<IndexFile>(url("index"))),
        ("document", schema_for::<DocumentFile>(url("document"))),
        ("list", schema_for::<ListFile>(url("list"))),
        (
            "notice-board",
            schema_for::<NoticeBoardFile>(url("notice-board")),
        ),
        ("alerts", schema_for::<AlertsFile>(url("alerts"))),
    ];
    debug_assert!(
        schemas
            .iter()
            .map(|(n, _)| *n)
            .eq(super::SCHEMAS.iter().copied())
    );
    schemas
}
