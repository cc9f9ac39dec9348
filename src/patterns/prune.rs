//! Hints and lists of the `prune` stage: what is never content, and the
//! class/id hint every element gets.

/// ARIA roles of page furniture, removed on the strict rung and counted as
/// a boilerplate hint on every rung (Readability removes these too): sites
/// that build menus, banners, search boxes and cookie dialogs from `div`s
/// often mark them with a role and nothing else.
pub(crate) const FURNITURE_ROLES: &[&str] = &[
    "navigation",
    "menu",
    "menubar",
    "complementary",
    "contentinfo",
    "banner",
    "dialog",
    "alert",
    "alertdialog",
    "search",
];

/// A `<noscript>` is read as content when it holds at least this many
/// characters of text: forum and community software (Discourse, Flarum)
/// and some news sites put the whole page there for clients without
/// JavaScript (wceb 0502, 0504, 0512; magic-html's Flarum threads), while
/// the short ones are "turn on JavaScript" notices (magic-html
/// forum-39c13f85b5bd, 254 characters) and tracking pixels.
pub(crate) const NOSCRIPT_MIN_CONTENT_CHARS: usize = 500;

/// ARIA roles of overlays over the page, removed on every rung: a dialog
/// (cookie consent, newsletter sign-up, "report this post", an editor's
/// help box) is never the story, and on the lenient rungs it used to win
/// over stories the locator scored low (magic-html forum-7b01ccf33237,
/// forum-58167e71f300).
pub(crate) const OVERLAY_ROLES: &[&str] = &["dialog", "alertdialog"];

/// Hint of an element marked schema.org `articleBody`: the page says where
/// its story is, so it outweighs one boilerplate class/id on the way (its
/// class/id is not read at all).
pub(crate) const ARTICLE_BODY_HINT: i8 = 2;
/// Hint of a story-like class/id (`entry-content`, `article-body`...).
pub(crate) const POSITIVE_CLASS_HINT: i8 = 1;
/// Hint of a boilerplate-like class/id (`sidebar`, `share`, `related`...):
/// with a story-like token of its own on the same element (`post
/// sidebar`), they cancel; one token naming both (`post-sidebar`, BEM's
/// `cs-entry__author-description`) names a boilerplate part of the story's
/// component and counts as boilerplate alone (no page lower on any set;
/// magic-html +0.07 twice, big5 +0.02 on three BBC pages).
pub(crate) const NEGATIVE_CLASS_HINT: i8 = -1;
/// Hint of a furniture tag (`aside`, `header`, `footer`, `form`) or ARIA
/// role, added to the class/id's: a `footer class="article-footer"` is still
/// furniture.
pub(crate) const FURNITURE_HINT: i8 = -1;
/// A paragraph in an article's or section's `header` with at least this
/// much text (chars) and no link is its standfirst: the strict rung keeps
/// it and prunes the rest of that header (headline, byline, kicker, all
/// shorter). It is the story's first words on the page (postlight's
/// spektrum, readability's nytimes-3 and -4 +0.01; one scrapinghub page
/// -0.02, whose truth leaves its standfirst out).
pub(crate) const STANDFIRST_MIN_CHARS: usize = 120;
/// An element holding at least this share of the page's shown text is
/// not removed for its class on the strict rung: a sidebar or footer
/// never holds nearly all of a page, so the match is a layout wrapper's
/// name (`page footer-borders`, which took a whole preprint page with it,
/// and the ladder then fell to a rung where the sidebar won: postlight's
/// biorxiv; readability's engadget +0.01). At 0.5, long comment sections
/// and `masthead` wrappers were spared too (magic-html -0.001, one
/// forum thread -0.30); 0.9 changes no other page.
pub(crate) const UNLIKELY_MAX_PAGE_SHARE: f32 = 0.9;

/// A class/id token that spells the element's own heading ("sharing with
/// a single developer" as `sharing-with-a-single-developer`) names the
/// section's topic, not its role: documentation generators (docutils,
/// Sphinx, pandoc, static-site Markdown) give each section or heading the
/// id of its title, so a chapter on "Sharing with ..." or "Comments on the
/// API" matched the share-bar and comment patterns and left the page
/// (readability's mercurial). Only a slug of at least this many words
/// counts: one or two words ("comments", "related-posts") are the role
/// names themselves, whatever the heading says.
pub(crate) const HEADING_SLUG_MIN_WORDS: usize = 3;
/// The heading's text is read up to this many characters (a title longer
/// than that is not slugged whole by any generator we know of).
pub(crate) const HEADING_SLUG_MAX_CHARS: usize = 160;

/// Labels of a consent dialog's buttons, lower case, whole button text
/// (English, German, French, Spanish, Italian, Portuguese, Dutch). A
/// consent manager whose box has no tell-tale class or role (its classes
/// hashed, or neutral: `layer`, `box`) still shows these buttons, and its
/// long notice otherwise outweighs a short story (the held-out
/// pages: "a consent or ad-choice dialog taken as the story").
pub(crate) const CONSENT_BUTTON_LABELS: &[&str] = &[
    "accept",
    "accept all",
    "accept all cookies",
    "accept cookies",
    "i accept",
    "agree",
    "i agree",
    "agree and close",
    "agree & close",
    "allow all",
    "allow all cookies",
    "allow cookies",
    "reject all",
    "reject",
    "decline",
    "decline all",
    "deny",
    "manage options",
    "manage preferences",
    "manage cookies",
    "cookie settings",
    "alle akzeptieren",
    "akzeptieren",
    "zustimmen",
    "alle ablehnen",
    "ablehnen",
    "tout accepter",
    "accepter",
    "tout refuser",
    "refuser",
    "aceptar",
    "aceptar todo",
    "rechazar",
    "accetta",
    "accetta tutto",
    "rifiuta",
    "aceitar",
    "aceitar todos",
    "rejeitar",
    "accepteren",
    "alles accepteren",
    "weigeren",
];
/// The box of such a button is its nearest ancestor whose text speaks of
/// cookies or consent (lower case, in the same languages)...
pub(crate) const CONSENT_WORDS: &[&str] = &[
    "cookie",
    "consent",
    "einwilligung",
    "datenschutz",
    "consentement",
    "consentimiento",
    "consenso",
    "consentimento",
    "toestemming",
];
/// ...within this many levels of the button...
pub(crate) const CONSENT_MAX_LEVELS: usize = 8;
/// ...and holding at most this many characters of text: a box, not the
/// page around it (a story that mentions cookies above a sign-up form).
pub(crate) const CONSENT_MAX_CHARS: usize = 4000;
/// A button's text is read up to this many characters.
pub(crate) const CONSENT_LABEL_MAX_CHARS: usize = 40;
/// A link's label is its one text node among its first this many nodes
/// (`<a><span>Accept all</span></a>`).
pub(crate) const CONSENT_LINK_MAX_NODES: usize = 4;
/// Only the first this many consent buttons of a page are followed up to
/// their box: a dialog has two to four, and each one reads up to
/// [`CONSENT_MAX_LEVELS`] boxes of [`CONSENT_MAX_CHARS`], so a hostile page
/// of a million "Accept" buttons must not read them all.
pub(crate) const CONSENT_MAX_BUTTONS: usize = 16;

/// Sign-up boxes (`prune::signup`): a form asking for an e-mail address
/// or a phone number, by its input's `type` (`email`, `tel`) or a `name`
/// holding one of these (lower case; Mailchimp's `EMAIL`, `phone_number`).
pub(crate) const CONTACT_INPUT_NAMES: &[&str] = &["email", "e-mail", "phone"];
/// The box is the highest of the form and its nearest this many
/// ancestors...
pub(crate) const SIGNUP_MAX_LEVELS: usize = 6;
/// ...holding at most this many bytes of shown text: a pitch, the form
/// and its small print (a deals box inside a Mashable story, 500; the
/// same story's text-message box, whose consent terms run to 1,176 bytes,
/// stayed at 1,000: wceb 0477 +0.10), not the story or the page around it
/// (an ASP.NET page is one form). At 1,500 one shop page's "notify me"
/// box goes too, whose failure message wceb's truth keeps (0586 -0.03);
/// no page of the other sets moves.
pub(crate) const SIGNUP_MAX_BYTES: usize = 1500;
/// ...and at most this share of the page's: on a small page the wrapper
/// of everything is under the size too (a forum thread of 900 bytes lost
/// its posts with its login dialog's wrapper, magic-html -0.92).
pub(crate) const SIGNUP_MAX_PAGE_SHARE: f32 = 0.5;
/// Only the first this many forms of a page are looked into (a hostile
/// page of a million forms must not read each one's ancestors).
pub(crate) const SIGNUP_MAX_FORMS: usize = 32;

/// A class or id holding this names a forum post's signature (phpBB's
/// `signature`, vBulletin's `signaturecontainer`, IPS's `cSignature`):
/// the poster's motto repeated under each of their posts. Removed on
/// every rung: a discussion page skips the strict one. As an unlikely
/// class on the strict rung: no page lower, magic-html and wceb threads
/// +0.01 to +0.06; on every rung, magic-html +0.11, +0.07 and +0.06 and
/// wceb +0.04 more, four threads whose truth keeps the motto -0.01 to
/// -0.03.
pub(crate) const SIGNATURE_HINT: &str = "signature";
