//! Two routes, one JSON request: the floor any console of this kind starts from.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
struct Item {
    id: String,
    name: String,
}

async fn load() -> Result<Vec<Item>, String> {
    let res = gloo_net::http::Request::get("/items").send().await.map_err(|e| e.to_string())?;
    let text = res.text().await.map_err(|e| e.to_string())?;
    serde_json::from_str(&text).map_err(|e| e.to_string())
}

#[component]
fn List() -> impl IntoView {
    let items = LocalResource::new(load);
    view! {
        <Suspense fallback=|| "Loading">
            {move || Suspend::new(async move {
                items.await.map(|items| items.into_iter().map(|i| view! { <p>{i.id}" "{i.name}</p> }).collect_view())
            })}
        </Suspense>
    }
}

#[component]
fn About() -> impl IntoView {
    view! { <p>"About"</p> }
}

fn main() {
    mount_to_body(|| {
        view! {
            <Router>
                <nav><A href="/">"List"</A><A href="/about">"About"</A></nav>
                <Routes fallback=|| "Not found">
                    <Route path=path!("/") view=List />
                    <Route path=path!("/about") view=About />
                </Routes>
            </Router>
        }
    })
}
