//! Composing outbox rows from a loaded site: what `anslag publish` and the subscription
//! service hand to the sender.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use super::{
    Composed, Envelope, MailContext, Prepared, confirmation, crisis, digest, manage, message,
    message_prepared,
};
use crate::config::mail::MailSettings;
use crate::content::document::Document;
use crate::i18n::I18n;
use crate::mail::Frequency;
use crate::mail::links::{self, LinkKey, Purpose};
use crate::mail::outbox::{Claimed, MANAGE_KEY_PREFIX, MessageKind};
use crate::mail::send::Compose;
use crate::site::Site;
use crate::theme::templates::Templates;

/// Composes rows for one loaded site. A message is composed once per language and set of
/// documents and then addressed to each recipient, so a crisis notice to a hundred thousand
/// people is composed once per language.
pub struct SiteComposer {
    site: Arc<Site>,
    i18n: Arc<I18n>,
    templates: Arc<Templates>,
    settings: MailSettings,
    key: LinkKey,
    documents: HashMap<String, usize>,
    cache: Mutex<HashMap<CacheKey, Arc<(Composed, Prepared)>>>,
}

#[derive(Clone, PartialEq, Eq, Hash)]
struct CacheKey {
    kind: MessageKind,
    lang: String,
    frequency: Option<Frequency>,
    documents: Vec<String>,
}

/// Composed messages kept at once; beyond it the cache starts again (digests of rare
/// combinations of topics).
const CACHE_LIMIT: usize = 20_000;

impl SiteComposer {
    pub fn new(
        site: Arc<Site>,
        i18n: Arc<I18n>,
        templates: Arc<Templates>,
        settings: MailSettings,
        key: LinkKey,
    ) -> SiteComposer {
        let documents = site
            .documents
            .iter()
            .enumerate()
            .map(|(i, d)| (document_id(d), i))
            .collect();
        SiteComposer {
            site,
            i18n,
            templates,
            settings,
            key,
            documents,
            cache: Mutex::new(HashMap::new()),
        }
    }

    fn ctx(&self) -> MailContext<'_> {
        MailContext {
            site: &self.site,
            i18n: &self.i18n,
            templates: &self.templates,
            settings: &self.settings,
        }
    }

    /// The row's documents still published; one withdrawn since the row was queued is left
    /// out, as a deleted one is.
    fn docs(&self, ids: &[String]) -> Vec<&Document> {
        ids.iter()
            .filter_map(|id| self.documents.get(id))
            .map(|&i| &*self.site.documents[i])
            .filter(|d| !d.is_withdrawn())
            .collect()
    }

    /// The composed (not yet addressed) message for a row.
    pub fn composed(&self, row: &Claimed) -> Result<Arc<(Composed, Prepared)>, String> {
        let frequency = match row.kind {
            MessageKind::Digest => Some(digest_frequency(&row.message_key)),
            _ => None,
        };
        let key = CacheKey {
            kind: row.kind,
            lang: row.language.clone(),
            frequency,
            documents: row.documents.clone(),
        };
        if let Some(c) = self
            .cache
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&key)
        {
            return Ok(c.clone());
        }
        let ctx = self.ctx();
        let docs = self.docs(&row.documents);
        let composed = match row.kind {
            MessageKind::Crisis => {
                let doc = docs
                    .first()
                    .ok_or("the crisis notice is no longer published")?;
                crisis(&ctx, &row.language, doc)
            }
            MessageKind::Digest => {
                if docs.is_empty() {
                    return Err("none of the digest's documents is still published".into());
                }
                digest(
                    &ctx,
                    &row.language,
                    &docs,
                    frequency.unwrap_or(Frequency::Daily),
                )
            }
            MessageKind::Confirm => {
                return Err("a confirmation is composed per recipient".into());
            }
        }
        .map_err(|d| d.message)?;
        let prepared = Prepared::new(&composed);
        let composed = Arc::new((composed, prepared));
        let mut cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
        if cache.len() >= CACHE_LIMIT {
            cache.clear();
        }
        cache.insert(key, composed.clone());
        Ok(composed)
    }
}

impl Compose for SiteComposer {
    fn compose(&self, row: &Claimed) -> Result<lettre::Message, String> {
        let ctx = self.ctx();
        let now = self.site.clock.now_utc(self.site.config.tz);
        if row.kind == MessageKind::Confirm && row.message_key.starts_with(MANAGE_KEY_PREFIX) {
            // A confirmed subscriber's links, asked for by address: composed per recipient.
            let composed = manage(&ctx, &row.address, &row.language).map_err(|d| d.message)?;
            return self.address(&ctx, &composed, &Prepared::new(&composed), row, false);
        }
        if row.kind == MessageKind::Confirm {
            let token = row
                .confirm_token
                .as_deref()
                .ok_or("the confirmation has no token")?;
            let url = links::confirm_url(&self.settings, token);
            let composed =
                confirmation(&ctx, &row.address, &row.language, &url).map_err(|d| d.message)?;
            let return_path = self.return_path(row);
            let env = Envelope {
                to: &row.address,
                message_id: &row.message_id,
                date: now,
                unsubscribe_url: None,
                preferences_url: None,
                urgent: false,
                return_path: return_path.as_deref(),
            };
            return message(&ctx, &composed, &env).map_err(|d| d.message);
        }
        let composed = self.composed(row)?;
        self.address(&ctx, &composed.0, &composed.1, row, row.urgent)
    }
}

impl SiteComposer {
    /// The message for the row's recipient, with their own preferences and unsubscribe links.
    fn address(
        &self,
        ctx: &MailContext,
        composed: &Composed,
        prepared: &Prepared,
        row: &Claimed,
        urgent: bool,
    ) -> Result<lettre::Message, String> {
        let id = row.subscriber_id.ok_or("the row has no subscriber")?;
        let unsubscribe = links::unsubscribe_url(
            &self.settings,
            &self.key.token(Purpose::Unsubscribe, id, &row.address),
        );
        let preferences = links::preferences_url(
            &self.settings,
            &self.key.token(Purpose::Preferences, id, &row.address),
        );
        let return_path = self.return_path(row);
        let env = Envelope {
            to: &row.address,
            message_id: &row.message_id,
            date: self.site.clock.now_utc(self.site.config.tz),
            unsubscribe_url: Some(&unsubscribe),
            preferences_url: Some(&preferences),
            urgent,
            return_path: return_path.as_deref(),
        };
        message_prepared(ctx, composed, prepared, &env).map_err(|d| d.message)
    }
}

impl SiteComposer {
    /// The row's signed return path, when `mail.bounce_address` is set.
    fn return_path(&self, row: &Claimed) -> Option<String> {
        let bounce = self.settings.bounce_address.as_deref()?;
        crate::mail::bounces::verp::return_path(bounce, &self.key, row.id, &row.address)
    }
}

/// `kind/slug`: how the outbox and `delivered` name a document.
pub fn document_id(doc: &Document) -> String {
    format!("{}/{}", doc.kind.dir(), doc.slug)
}

/// The frequency in a digest's message key (`digest:daily:…`).
fn digest_frequency(key: &str) -> Frequency {
    key.split(':')
        .nth(1)
        .and_then(Frequency::parse)
        .unwrap_or(Frequency::Daily)
}
