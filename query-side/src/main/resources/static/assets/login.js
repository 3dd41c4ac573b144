// The sign-in page: labels in the chosen language, the user name kept across a failed attempt
// (the server answers a failure with a fresh page), and a word before sending an empty field.

import {t, lang, setLang, translateStatic} from './i18n.js';

const form = document.getElementById('login-form');
const username = document.getElementById('username');
const password = document.getElementById('password');
const message = document.getElementById('login-msg');
const KEPT = 'ledger.login.username';

function labels() {
  setLang(lang);
  translateStatic();
  document.title = t('login.title') + ' · ' + t('app.title');
  document.getElementById('lang').textContent = t('app.lang');
}

document.getElementById('lang').addEventListener('click', () => {
  setLang(lang === 'zh' ? 'en' : 'zh');
  labels();
});

const kept = sessionStorage.getItem(KEPT);
if (kept && !username.value) {
  username.value = kept;
  if (document.querySelector('.notice.error')) password.focus();
}

form.addEventListener('submit', (event) => {
  const missing = !username.value.trim() ? username : !password.value ? password : null;
  for (const input of [username, password]) input.removeAttribute('aria-invalid');
  if (missing) {
    event.preventDefault();
    missing.setAttribute('aria-invalid', 'true');
    message.textContent = t(missing === username ? 'login.needUsername' : 'login.needPassword');
    message.className = 'form-msg error';
    missing.focus();
    return;
  }
  sessionStorage.setItem(KEPT, username.value.trim());
});

labels();
