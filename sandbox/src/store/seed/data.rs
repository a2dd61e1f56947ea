//! What an empty database is seeded with.

/// `(id, name, type)` of an account.
pub type AccountRow = (&'static str, &'static str, &'static str);

/// The Operations account; its token (the admin token) sees every account.
pub const OPERATIONS: AccountRow = ("ACC-0000-0001", "SoftwareOne Operations", "Operations");
/// The client account most of the seed and the tests use.
pub const STARK: AccountRow = ("ACC-0001-0002", "Stark Industries", "Client");
/// A second client account.
pub const WAYNE: AccountRow = ("ACC-0001-0003", "Wayne Enterprises", "Client");
/// A vendor account.
pub const ACME: AccountRow = ("ACC-0002-0001", "Acme Software", "Vendor");

/// The admin token's id (an API token of the Operations account).
pub const ADMIN_TOKEN_ID: &str = "TKN-0000-0001";
/// The id of Stark Industries' "Sandbox console" token, printed as the account token.
pub const CONSOLE_TOKEN_ID: &str = "TKN-0001-0001";

/// `(id, name, accounts)` of the seeded users.
pub const USERS: [(&str, &str, &[&str]); 5] = [
    ("USR-1234-1210-2143", "John Smith", &[STARK.0]),
    ("USR-1234-1240-2141", "Andy Anderson", &[STARK.0]),
    ("USR-1234-1250-2100", "Sarah Sanderson", &[STARK.0, WAYNE.0]),
    ("USR-1234-1260-2188", "Maria Garcia", &[WAYNE.0]),
    ("USR-1234-1270-2190", "Lucy Liu", &[ACME.0]),
];

/// The user whose access token the sandbox prints (member of two accounts).
pub const PRINTED_USER: &str = "USR-1234-1250-2100";

/// `(id, name, code, description, account types)` of the platform's modules.
pub const MODULES: [(&str, &str, &str, &str, &str); 10] = [
    (
        "MOD-1255",
        "Access management",
        "access-management",
        "Users, groups, roles and API tokens of the account.",
        "Client,Vendor,Operations",
    ),
    (
        "MOD-1299",
        "Account management",
        "account-management",
        "Account details, addresses and settings.",
        "Client,Vendor,Operations",
    ),
    (
        "MOD-1310",
        "Marketplace",
        "marketplace",
        "Catalog, orders, subscriptions and agreements.",
        "Client,Operations",
    ),
    (
        "MOD-1322",
        "Collaboration site",
        "collaboration-site",
        "Shared workspace with SoftwareOne experts.",
        "Client",
    ),
    (
        "MOD-1340",
        "Billing",
        "billing",
        "Statements, invoices, journals and credit memos.",
        "Client,Vendor,Operations",
    ),
    (
        "MOD-1351",
        "Procurement",
        "procurement",
        "Requests, approvals and purchase workflows.",
        "Client",
    ),
    (
        "MOD-1367",
        "Support",
        "support",
        "Support cases and service requests.",
        "Client,Vendor,Operations",
    ),
    (
        "MOD-1378",
        "Spotlight",
        "spotlight",
        "Insights and recommendations on the account's assets.",
        "Client",
    ),
    (
        "MOD-1389",
        "Reporting",
        "reporting",
        "Reports and data exports.",
        "Client,Vendor,Operations",
    ),
    (
        "MOD-1401",
        "Catalog management",
        "catalog-management",
        "Products, price lists and listings of a vendor.",
        "Vendor,Operations",
    ),
];

/// The modules each account has.
pub const ACCOUNT_MODULES: [(&str, &[&str]); 4] = [
    (
        OPERATIONS.0,
        &[
            "MOD-1255", "MOD-1299", "MOD-1310", "MOD-1322", "MOD-1340", "MOD-1351", "MOD-1367", "MOD-1378", "MOD-1389",
            "MOD-1401",
        ],
    ),
    (
        STARK.0,
        &[
            "MOD-1255", "MOD-1299", "MOD-1310", "MOD-1322", "MOD-1340", "MOD-1351", "MOD-1367", "MOD-1378", "MOD-1389",
        ],
    ),
    (WAYNE.0, &["MOD-1255", "MOD-1299", "MOD-1310", "MOD-1340", "MOD-1367"]),
    (
        ACME.0,
        &["MOD-1255", "MOD-1299", "MOD-1340", "MOD-1367", "MOD-1389", "MOD-1401"],
    ),
];

/// Names of Stark Industries' thirty tokens.
pub const STARK_TOKENS: [&str; 30] = [
    "Robot 1",
    "Robot 2",
    "Robot 3",
    "CI pipeline",
    "Billing export",
    "ERP connector",
    "Nightly sync",
    "Order intake bot",
    "Subscription auditor",
    "Reporting warehouse",
    "ServiceNow bridge",
    "Slack notifier",
    "Invoice reconciler",
    "Provisioning worker",
    "License optimizer",
    "Spotlight collector",
    "Support triage",
    "Terraform runner",
    "Procurement portal",
    "Data lake loader",
    "Backup agent",
    "Partner integration",
    "Renewal reminder",
    "Usage meter",
    "Catalog importer",
    "Test harness",
    "Staging smoke tests",
    "Legacy connector",
    "Finance dashboard",
    "Ops runbook",
];

/// Names of the other accounts' tokens.
pub const OTHER_TOKENS: [(&str, &[&str]); 2] = [
    (
        WAYNE.0,
        &[
            "Batcave monitor",
            "Gotham payroll",
            "Wayne Tech CI",
            "Foundation grants",
            "Archive sync",
        ],
    ),
    (ACME.0, &["Catalog publisher", "Order webhook", "Price list sync"]),
];
