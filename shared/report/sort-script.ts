/**
 * The exported HTML report's only script: sorts the drift table when a header is clicked (or Enter pressed on it) (numbers
 * by value with blanks last, text alphabetically). The Content-Security-Policy allows exactly this text by
 * its SHA-256 (a unit test recomputes the hash), so no other inline script, injected or not, can run.
 */
export const SORT_SCRIPT =
  "(function(){var t=document.getElementById('drift-table');if(!t)return;var b=t.tBodies[0];" +
  "t.querySelectorAll('thead th').forEach(function(th){var btn=th.querySelector('[role=button]');if(!btn)return;" +
  "btn.addEventListener('keydown',function(e){if(e.key==='Enter'||e.key===' '){e.preventDefault();btn.click();}});" +
  "btn.addEventListener('click',function(){var i=th.cellIndex;" +
  "var dir=th.getAttribute('aria-sort')==='ascending'?'descending':'ascending';" +
  "t.querySelectorAll('thead th').forEach(function(h){h.setAttribute('aria-sort','none')});" +
  "th.setAttribute('aria-sort',dir);var s=dir==='ascending'?1:-1;var num=th.getAttribute('data-type')==='num';" +
  'var rows=Array.prototype.slice.call(b.rows);rows.sort(function(x,y){' +
  "var a=x.cells[i].getAttribute('data-v'),c=y.cells[i].getAttribute('data-v');" +
  "if(num){var ea=a===null||a==='',ec=c===null||c==='';if(ea||ec)return ea===ec?0:ea?1:-1;return s*(Number(a)-Number(c));}" +
  'return s*String(a===null?x.cells[i].textContent:a).localeCompare(String(c===null?y.cells[i].textContent:c));});' +
  'rows.forEach(function(r){b.appendChild(r)});});});})();';

/** Base64 SHA-256 of SORT_SCRIPT, as the CSP's script-src names it (checked by test/unit/shared/report). */
export const SORT_SCRIPT_SHA256 = 'mmEcW2EhWw3BnAKFzjNcm2Rofpsbd9dBnYuxXOf28Z8=';
