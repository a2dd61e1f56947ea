//! Exporting the list: the rows (metadata only, never a token's value) as
//! CSV or JSON. CSV cells that a spreadsheet would run as a formula are
//! neutralised. Pure.

use super::json::{write_pretty, Value};

/// One exported token (in JSON, its fields in camelCase).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportRow {
    pub id: String,
    pub name: String,
    pub description: String,
    pub status: String,
    /// Module ids, in the token's order.
    pub module_ids: Vec<String>,
    /// Module names, in the same order.
    pub modules: Vec<String>,
    pub created_at: String,
    /// Who created it (a user's or a token's name).
    pub created_by: String,
    /// Empty when never used.
    pub last_access_at: String,
}

impl ExportRow {
    fn json(&self) -> Value {
        let text = |s: &String| Value::from(s.as_str());
        let texts = |all: &Vec<String>| Value::Array(all.iter().map(text).collect());
        Value::object([
            ("id", text(&self.id)),
            ("name", text(&self.name)),
            ("description", text(&self.description)),
            ("status", text(&self.status)),
            ("moduleIds", texts(&self.module_ids)),
            ("modules", texts(&self.modules)),
            ("createdAt", text(&self.created_at)),
            ("createdBy", text(&self.created_by)),
            ("lastAccessAt", text(&self.last_access_at)),
        ])
    }
}

/// A file format the list exports to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// Comma-separated, for spreadsheets.
    Csv,
    /// For scripts.
    Json,
}

impl ExportFormat {
    /// Both formats, CSV first.
    pub const ALL: [ExportFormat; 2] = [ExportFormat::Csv, ExportFormat::Json];

    pub fn label(self) -> &'static str {
        match self {
            ExportFormat::Csv => "CSV",
            ExportFormat::Json => "JSON",
        }
    }

    /// The file's media type.
    pub fn mime(self) -> &'static str {
        match self {
            ExportFormat::Csv => "text/csv;charset=utf-8",
            ExportFormat::Json => "application/json",
        }
    }

    /// `api-tokens-ACC-1-2026-11-23.csv` for `account` on the day of `now_iso`.
    pub fn file_name(self, account: &str, now_iso: &str) -> String {
        let day: String = now_iso.chars().take(10).collect();
        let account: String = account
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect();
        let ext = match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Json => "json",
        };
        format!("api-tokens-{account}-{day}.{ext}")
    }

    /// The file's content.
    pub fn write(self, rows: &[ExportRow]) -> String {
        match self {
            ExportFormat::Csv => csv(rows),
            ExportFormat::Json => write_pretty(&Value::Array(rows.iter().map(ExportRow::json).collect())),
        }
    }
}

const HEADER: [&str; 9] = [
    "ID",
    "Name",
    "Description",
    "Status",
    "Module IDs",
    "Modules",
    "Created at",
    "Created by",
    "Last access at",
];

/// A cell a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, or a
/// tab or carriage return before one) gets a leading `'`, which makes it
/// text (OWASP's advice against CSV injection).
pub fn neutralise(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_string(),
    }
}

/// One CSV field: neutralised, and quoted when it holds a comma, a quote,
/// a line break or a leading or trailing space (RFC 4180).
fn field(cell: &str) -> String {
    let cell = neutralise(cell);
    if cell.contains([',', '"', '\n', '\r']) || cell.starts_with(' ') || cell.ends_with(' ') {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell
    }
}

/// The rows as CSV with a header, CRLF line ends and a byte order mark
/// (so spreadsheets read the names as UTF-8).
pub fn csv(rows: &[ExportRow]) -> String {
    let mut out = String::from("\u{feff}");
    let mut line = |cells: &[&str]| {
        let fields: Vec<String> = cells.iter().map(|c| field(c)).collect();
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    };
    line(&HEADER);
    for r in rows {
        let (ids, names) = (r.module_ids.join("; "), r.modules.join("; "));
        line(&[
            &r.id,
            &r.name,
            &r.description,
            &r.status,
            &ids,
            &names,
            &r.created_at,
            &r.created_by,
            &r.last_access_at,
        ]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(name: &str, description: &str) -> ExportRow {
        ExportRow {
            id: "TKN-1".into(),
            name: name.into(),
            description: description.into(),
            status: "Active".into(),
            module_ids: vec!["MOD-1".into(), "MOD-2".into()],
            modules: vec!["Billing".into(), "Catalog, Admin".into()],
            created_at: "2026-11-01T10:00:00Z".into(),
            created_by: "Sarah".into(),
            last_access_at: String::new(),
        }
    }

    #[test]
    fn csv_quotes_what_needs_it_and_keeps_unicode() {
        let text = csv(&[row("Zürich \"prod\" 東京", "line one\nline two")]);
        let mut lines = text.split("\r\n");
        assert_eq!(
            lines.next(),
            Some("\u{feff}ID,Name,Description,Status,Module IDs,Modules,Created at,Created by,Last access at")
        );
        assert_eq!(
            lines.next(),
            Some("TKN-1,\"Zürich \"\"prod\"\" 東京\",\"line one\nline two\",Active,MOD-1; MOD-2,\"Billing; Catalog, Admin\",2026-11-01T10:00:00Z,Sarah,")
        );
        assert_eq!(lines.next(), Some(""), "ends with a line break");
    }

    #[test]
    fn cells_a_spreadsheet_would_run_are_neutralised() {
        for evil in ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"] {
            assert_eq!(neutralise(evil), format!("'{evil}"));
        }
        for fine in ["Robot", "", "1-2", "a=b", " =1", "'=1"] {
            assert_eq!(neutralise(fine), fine);
        }
        let text = csv(&[row("=cmd|' /C calc'!A0", "-")]);
        assert!(text.contains("\r\nTKN-1,'=cmd|' /C calc'!A0,'-,Active,"), "{text}");
    }

    #[test]
    fn json_keeps_values_as_they_are() {
        let text = ExportFormat::Json.write(&[row("=1", "")]);
        let parsed: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(parsed[0]["name"], "=1");
        assert_eq!(parsed[0]["moduleIds"], serde_json::json!(["MOD-1", "MOD-2"]));
        assert_eq!(parsed[0]["lastAccessAt"], "");
        assert_eq!(ExportFormat::Json.write(&[]), "[]");
    }

    #[test]
    fn file_names_carry_the_account_and_the_day() {
        assert_eq!(
            ExportFormat::Csv.file_name("ACC-0001-0002", "2026-11-23T22:00:00.000Z"),
            "api-tokens-ACC-0001-0002-2026-11-23.csv"
        );
        assert_eq!(
            ExportFormat::Json.file_name("../x y", "2026-11-23T22:00:00.000Z"),
            "api-tokens-xy-2026-11-23.json"
        );
    }
}
