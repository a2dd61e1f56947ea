//! Which account types may use an operation, where the platform's
//! documentation says so (its REST reference lists the account types each
//! operation is open to: `developer-resources/rest-api/*/README.md`). Every
//! API-token operation is open to vendor, client and ops accounts and no
//! module is named anywhere, so those have no rule here: only what is
//! written is enforced.

/// An operation with a documented account-type rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operation {
    /// `GET /accounts/modules`: "List modules … ops".
    ListModules,
    /// `GET /audit/records/{id}`: "Get audit record … vendor, ops".
    GetAuditRecord,
}

impl Operation {
    fn rule(self) -> (&'static [&'static str], &'static str) {
        match self {
            Operation::ListModules => (&["Operations"], "Listing the platform's modules"),
            Operation::GetAuditRecord => (&["Vendor", "Operations"], "Reading an audit record by its id"),
        }
    }
}

/// Whether an account of `account_type` may use `op`; the refusal's detail otherwise.
pub fn check(op: Operation, account_type: &str) -> Result<(), String> {
    let (allowed, what) = op.rule();
    if allowed.contains(&account_type) {
        Ok(())
    } else {
        Err(format!(
            "{what} is open to {} accounts only; these credentials belong to a {account_type} account.",
            allowed.join(" and ")
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_documented_rules() {
        assert!(check(Operation::ListModules, "Operations").is_ok());
        assert!(check(Operation::ListModules, "Client")
            .unwrap_err()
            .contains("Operations accounts only"));
        assert!(check(Operation::GetAuditRecord, "Vendor").is_ok());
        assert!(check(Operation::GetAuditRecord, "Client").is_err());
    }
}
