//! What an answer shows of the store's objects: `select`'s projection, and
//! the `{"$meta":{"pagination":…,"omitted":…},"data":[…]}` envelope of lists.

use super::problem::Problem;
use crate::store::list::{Page, Projection};
use crate::store::schema::Resource;
use serde::Serialize;
use serde_json::{json, Value};

/// The JSON of `object` with only the fields `projection` keeps.
pub fn projected<T: Serialize>(object: &T, projection: &Projection) -> Result<Value, Problem> {
    let value = serde_json::to_value(object).map_err(Problem::internal)?;
    Ok(projection.apply(value))
}

/// One object of `resource` as a `GET …/{id}?select=…` shows it.
pub fn one<T: Serialize>(object: &T, resource: &Resource, select: &[rql::SelectField]) -> Result<Value, Problem> {
    projected(object, &Projection::new(resource, select, false))
}

/// A list answer.
pub fn page<T: Serialize>(page: &Page<T>) -> Result<Value, Problem> {
    let data = page
        .rows
        .iter()
        .map(|row| projected(row, &page.projection))
        .collect::<Result<Vec<_>, _>>()?;
    let mut meta = json!({
        "pagination": { "offset": page.offset, "limit": page.limit, "total": page.total }
    });
    if !page.projection.omitted().is_empty() {
        meta["omitted"] = json!(page.projection.omitted());
    }
    Ok(json!({ "$meta": meta, "data": data }))
}
