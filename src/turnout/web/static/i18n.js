// The page's words in its language: the catalogue the server put in the page (made from the
// same .po files as the server's own words), looked up by the English text. A message missing
// from it stays in English, never empty. Placeholders are {name}, filled from `values`.
"use strict";

const I18N = (() => {
  const node = document.getElementById("turnout-messages");
  let data = {};
  try { data = node ? JSON.parse(node.textContent) : {}; } catch (error) { data = {}; }
  const lang = document.documentElement.lang || "en";
  let rules = null;
  try { rules = new Intl.PluralRules(lang); } catch (error) { rules = null; }
  return {
    lang,
    messages: data.messages || {},
    categories: data.plural_categories || ["one", "other"],
    rules,
  };
})();

function fillIn(text, values) {
  if (!values) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

function gettext(message, values) {
  const found = I18N.messages[message];
  return fillIn(typeof found === "string" && found ? found : message, values);
}

const _ = gettext;

function pgettext(context, message, values) {
  const found = I18N.messages[context + "\u0004" + message];
  return fillIn(typeof found === "string" && found ? found : message, values);
}

function pluralForm(key, singular, plural, count) {
  const forms = I18N.messages[key];
  if (Array.isArray(forms) && I18N.rules) {
    const index = I18N.categories.indexOf(I18N.rules.select(count));
    const form = forms[index >= 0 ? index : forms.length - 1];
    if (form) return form;
  }
  return count === 1 ? singular : plural;
}

function ngettext(singular, plural, count, values) {
  return fillIn(pluralForm(singular, singular, plural, count), { count, ...values });
}

function npgettext(context, singular, plural, count, values) {
  const key = context + "\u0004" + singular;
  return fillIn(pluralForm(key, singular, plural, count), { count, ...values });
}

// Numbers and dates as the page's language writes them (a decimal comma in French).
function formatNumber(value, digits = 0) {
  return new Intl.NumberFormat(I18N.lang, {
    minimumFractionDigits: digits, maximumFractionDigits: digits,
  }).format(value);
}

function formatDate(value, options = { dateStyle: "medium" }) {
  return new Intl.DateTimeFormat(I18N.lang, options).format(value);
}
