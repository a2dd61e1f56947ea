//! Reading the API's objects from JSON, field by field, by the names the
//! API gives them. Written by hand rather than derived: serde's generated
//! visitors cost 7.2 KiB of first load (FIGURES.md), and the rules are the
//! same for every field (a missing or mistyped one takes its default; a row
//! that is not an object is skipped).

use super::*;
use crate::api::json::{list, object, text, text_or_empty, FromJson};
use crate::model::json::Value;

impl FromJson for Actor {
    fn from_json(v: &Value) -> Option<Self> {
        let o = v.as_object()?;
        Some(Actor {
            id: text_or_empty(o, "id"),
            name: text_or_empty(o, "name"),
        })
    }
}

impl FromJson for Event {
    fn from_json(v: &Value) -> Option<Self> {
        let o = v.as_object()?;
        Some(Event {
            at: text(o, "at"),
            by: object(o, "by"),
        })
    }
}

impl FromJson for Audit {
    fn from_json(v: &Value) -> Option<Self> {
        let o = v.as_object()?;
        Some(Audit {
            created: object(o, "created"),
            updated: object(o, "updated"),
        })
    }
}

impl FromJson for Module {
    fn from_json(v: &Value) -> Option<Self> {
        let o = v.as_object()?;
        Some(Module {
            id: text_or_empty(o, "id"),
            name: text_or_empty(o, "name"),
            description: text(o, "description"),
            account_types: o
                .get("accountTypes")
                .and_then(Value::as_array)
                .map(|a| a.iter().filter_map(String::from_json).collect()),
        })
    }
}

impl FromJson for Account {
    fn from_json(v: &Value) -> Option<Self> {
        let o = v.as_object()?;
        Some(Account {
            id: text_or_empty(o, "id"),
            name: text_or_empty(o, "name"),
            status: text(o, "status"),
            kind: text(o, "type"),
            icon: text(o, "icon"),
        })
    }
}

impl FromJson for ApiToken {
    fn from_json(v: &Value) -> Option<Self> {
        let o = v.as_object()?;
        Some(ApiToken {
            id: text_or_empty(o, "id"),
            name: text_or_empty(o, "name"),
            description: text(o, "description"),
            icon: text(o, "icon"),
            status: TokenStatus::from_name(o.get("status").and_then(Value::as_str).unwrap_or_default()),
            last_access_at: text(o, "lastAccessAt"),
            token: text(o, "token").map(Secret),
            account: object(o, "account"),
            modules: list(o, "modules"),
            audit: object(o, "audit"),
        })
    }
}

impl FromJson for Pagination {
    fn from_json(v: &Value) -> Option<Self> {
        let o = v.as_object()?;
        let n = |k: &str| o.get(k).and_then(Value::as_u64);
        Some(Pagination {
            offset: n("offset").unwrap_or(0),
            limit: n("limit").unwrap_or(0),
            total: n("total"),
        })
    }
}

impl FromJson for ListMeta {
    fn from_json(v: &Value) -> Option<Self> {
        let o = v.as_object()?;
        Some(ListMeta {
            pagination: object(o, "pagination").unwrap_or_default(),
        })
    }
}

impl<T: FromJson> FromJson for Page<T> {
    fn from_json(v: &Value) -> Option<Self> {
        let o = v.as_object()?;
        Some(Page {
            meta: object(o, "$meta").unwrap_or_default(),
            data: list(o, "data"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::client::decode;
    use crate::api::ApiError;

    #[test]
    fn tokens_decode_with_missing_and_unknown_fields() {
        let page: Page<ApiToken> = decode(
            r#"{"$meta":{"pagination":{"offset":0,"limit":10,"total":1}},"data":[
                {"id":"TKN-1","name":"R","status":"Suspended","surprise":{"x":1},"modules":[{"id":"MOD-1","name":"M","paid":true}]}
            ]}"#,
        )
        .unwrap();
        assert_eq!(page.total(), 1);
        let t = &page.data[0];
        assert_eq!(t.status, TokenStatus::Unknown);
        assert_eq!(t.modules[0].name, "M");
        assert!(t.created().is_none() && t.token.is_none());
        let bare: Page<ApiToken> = decode(r#"{"data":[]}"#).unwrap();
        assert_eq!(bare.total(), 0);
    }

    #[test]
    fn every_field_is_read_where_the_api_puts_it() {
        let t: ApiToken = decode(
            r#"{"id":"TKN-1","name":"CI","description":"d","icon":"/i","status":"Disabled",
                "lastAccessAt":"2026-01-02T00:00:00Z","token":"idt:TKN-1:s",
                "account":{"id":"ACC-1","name":"Stark","status":"Active","type":"Client","icon":"/a"},
                "modules":[{"id":"MOD-1","name":"M","description":"md","accountTypes":["Client"]}],
                "audit":{"created":{"at":"2026-01-01T00:00:00Z","by":{"id":"USR-1","name":"Ana"}},
                         "updated":{"at":"2026-01-03T00:00:00Z"}}}"#,
        )
        .unwrap();
        assert_eq!(
            (t.id.as_str(), t.name.as_str(), t.status),
            ("TKN-1", "CI", TokenStatus::Disabled)
        );
        assert_eq!((t.description.as_deref(), t.icon.as_deref()), (Some("d"), Some("/i")));
        assert_eq!(t.last_access_at.as_deref(), Some("2026-01-02T00:00:00Z"));
        assert_eq!(t.token.as_ref().map(Secret::expose), Some("idt:TKN-1:s"));
        let account = t.account.clone().unwrap();
        assert_eq!(
            (
                account.kind.as_deref(),
                account.status.as_deref(),
                account.icon.as_deref()
            ),
            (Some("Client"), Some("Active"), Some("/a"))
        );
        assert_eq!(t.modules[0].account_types, Some(vec!["Client".to_string()]));
        assert_eq!(t.modules[0].description.as_deref(), Some("md"));
        assert_eq!(
            t.created().and_then(|c| c.by.clone()).map(|b| b.name),
            Some("Ana".into())
        );
        assert_eq!(
            t.updated().and_then(|u| u.at.clone()).as_deref(),
            Some("2026-01-03T00:00:00Z")
        );
    }

    #[test]
    fn a_mistyped_field_loses_that_field_not_the_row() {
        let page: Page<ApiToken> = decode(
            r#"{"$meta":{"pagination":{"total":"many"}},"data":[
                {"id":"TKN-1","name":null,"description":7,"modules":{"id":"MOD-1"},"audit":[]},
                "not a token",
                {"id":"TKN-2","name":"Two"}
            ]}"#,
        )
        .unwrap();
        assert_eq!(
            page.data.iter().map(|t| t.id.as_str()).collect::<Vec<_>>(),
            ["TKN-1", "TKN-2"]
        );
        assert_eq!(page.data[0].name, "");
        assert!(page.data[0].description.is_none() && page.data[0].modules.is_empty() && page.data[0].audit.is_none());
        assert_eq!(page.total(), 2, "an unreadable total falls back to the rows present");
    }

    #[test]
    fn an_answer_that_is_not_json_or_not_an_object_is_an_error() {
        assert!(matches!(
            decode::<ApiToken>(r#"{"id":"TKN-1","na"#),
            Err(ApiError::Decode(_))
        ));
        assert!(matches!(decode::<Page<ApiToken>>("[1,2]"), Err(ApiError::Decode(_))));
        assert!(matches!(decode::<ApiToken>("null"), Err(ApiError::Decode(_))));
    }

    #[test]
    fn secrets_never_show_in_debug_output() {
        let t: ApiToken = decode(r#"{"id":"TKN-1","token":"idt:TKN-1:s3cr3t"}"#).unwrap();
        let dbg = format!("{t:?}");
        assert!(!dbg.contains("s3cr3t"), "{dbg}");
        assert_eq!(t.token.unwrap().expose(), "idt:TKN-1:s3cr3t");
    }
}
