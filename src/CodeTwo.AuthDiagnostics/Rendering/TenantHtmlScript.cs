namespace CodeTwo.AuthDiagnostics.Rendering;

/// <summary>
/// The script of <see cref="TenantHtml"/>'s table of users. Plain JavaScript, no library: it parses the embedded data
/// once, filters and sorts arrays of indexes (sort orders are kept once computed), and builds only the rows of the page
/// shown, with <c>textContent</c> only (never HTML from data).
/// </summary>
internal static class TenantHtmlScript
{
    /// <summary>The table's script (a constant: its hash is in the page's Content-Security-Policy).</summary>
    public const string Table = """
(function () {
  'use strict';
  function $(id) { return document.getElementById(id); }
  var source = $('c2-data'), rows = $('c2-rows');
  if (!source || !rows) { return; }
  var data = JSON.parse(source.textContent);
  var users = data.users, codes = data.codes, policies = data.policies, steps = data.steps;
  var n = users.length, PAGE = 50;
  var WORDS = ['available', 'unusable', 'indeterminate', 'unavailable'];
  var state = { verdict: -1, code: '', policy: -1, q: '', sort: 'none', dir: 1, page: 0 };
  var cache = {}, lower = null, order = null, opener = null;
  var icons = {};
  var template = $('c2-icons');
  if (template && template.content) {
    template.content.querySelectorAll('[data-v]').forEach(function (t) { icons[t.getAttribute('data-v')] = t.firstElementChild; });
  }
  function fmt(value) { return value.toLocaleString('en-US'); }
  function make(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = text; }
    if (cls) { e.className = cls; }
    return e;
  }
  function badge(v) {
    var word = WORDS[v] || 'indeterminate';
    var span = make('span', null, 'verdict v-' + word);
    if (icons[word]) { span.appendChild(icons[word].cloneNode(true)); }
    span.appendChild(make('span', word.toUpperCase()));
    return span;
  }
  function codeName(i) { var c = codes[i]; return c ? c[0] : '?'; }
  function codeList(list) { return list.map(codeName).join(', '); }
  function ensureLower() {
    if (lower) { return; }
    lower = new Array(n);
    for (var i = 0; i < n; i++) { lower[i] = String(users[i][0]).toLowerCase(); }
  }
  function identity() { var a = new Int32Array(n); for (var i = 0; i < n; i++) { a[i] = i; } return a; }
  function keys(name) {
    var k = new Array(n), i;
    if (name === 'user') { ensureLower(); for (i = 0; i < n; i++) { k[i] = lower[i]; } }
    else if (name === 'verdict') { for (i = 0; i < n; i++) { k[i] = users[i][2]; } }
    else if (name === 'causes') { for (i = 0; i < n; i++) { k[i] = codeList(users[i][3]); } }
    else { for (i = 0; i < n; i++) { k[i] = users[i][7].length; } }
    return k;
  }
  function base() {
    var id = state.sort + ':' + state.dir;
    if (!cache[id]) {
      var a = identity();
      if (state.sort !== 'none') {
        var k = keys(state.sort), d = state.dir;
        a.sort(function (x, y) { var p = k[x], q = k[y]; return p < q ? -d : p > q ? d : x - y; });
      }
      cache[id] = a;
    }
    return cache[id];
  }
  function apply(keepPage) {
    var b = base(), out = new Int32Array(b.length), m = 0;
    var v = state.verdict, p = state.policy, q = state.q;
    var kind = state.code ? state.code.charAt(0) : '', c = state.code ? Number(state.code.slice(1)) : -1;
    if (q) { ensureLower(); }
    for (var k = 0; k < b.length; k++) {
      var i = b[k], u = users[i];
      if (v >= 0 && u[2] !== v) { continue; }
      if (c >= 0 && u[3].indexOf(c) < 0 && (kind === 'r' || (u[4].indexOf(c) < 0 && u[5].indexOf(c) < 0))) { continue; }
      if (p >= 0 && u[6].indexOf(p) < 0) { continue; }
      if (q && lower[i].indexOf(q) < 0 && !(u[1] && String(u[1]).toLowerCase().indexOf(q) >= 0)) { continue; }
      out[m++] = i;
    }
    order = out.subarray(0, m);
    if (!keepPage) { state.page = 0; }
    render();
  }
  function render() {
    var pages = Math.max(1, Math.ceil(order.length / PAGE));
    if (state.page >= pages) { state.page = pages - 1; }
    var start = state.page * PAGE, end = Math.min(order.length, start + PAGE);
    var frag = document.createDocumentFragment();
    for (var k = start; k < end; k++) {
      var i = order[k], u = users[i];
      var tr = make('tr'), th = make('th'), b = make('button', u[0], 'link');
      th.scope = 'row';
      b.type = 'button';
      b.setAttribute('data-user', String(i));
      b.setAttribute('aria-haspopup', 'dialog');
      th.appendChild(b);
      tr.appendChild(th);
      var td = make('td');
      td.appendChild(badge(u[2]));
      tr.appendChild(td);
      tr.appendChild(make('td', u[3].length ? codeList(u[3]) : '\u2013'));
      tr.appendChild(make('td', String(u[7].length), 'num'));
      frag.appendChild(tr);
    }
    if (order.length === 0) {
      var empty = make('tr'), cell = make('td', 'No user matches the filters.');
      cell.colSpan = 4;
      empty.appendChild(cell);
      frag.appendChild(empty);
    }
    rows.replaceChildren(frag);
    $('c2-status').textContent = order.length === 0 ? 'No user matches.'
      : 'Users ' + fmt(start + 1) + '\u2013' + fmt(end) + ' of ' + fmt(order.length) + (order.length < n ? ' matching (' + fmt(n) + ' in all).' : '.');
    $('c2-page').textContent = 'Page ' + fmt(state.page + 1) + ' of ' + fmt(pages);
    $('c2-first').disabled = $('c2-prev').disabled = state.page === 0;
    $('c2-next').disabled = $('c2-last').disabled = state.page >= pages - 1;
  }
  function go(page) { state.page = page; render(); }
  function sortBy(name) {
    if (state.sort === name) { state.dir = -state.dir; }
    else { state.sort = name; state.dir = name === 'verdict' || name === 'steps' ? -1 : 1; }
    document.querySelectorAll('#c2-table th[aria-sort]').forEach(function (th) {
      var button = th.querySelector('button.sort');
      th.setAttribute('aria-sort', button && button.getAttribute('data-sort') === state.sort ? (state.dir > 0 ? 'ascending' : 'descending') : 'none');
    });
    apply(false);
  }
  function section(body, title) { body.appendChild(make('h3', title)); }
  function codeItems(body, title, list) {
    if (!list.length) { return; }
    section(body, title);
    var ul = make('ul');
    list.forEach(function (i) {
      var c = codes[i] || ['?', '', ''];
      var li = make('li');
      li.appendChild(make('code', c[0]));
      li.appendChild(document.createTextNode(' ' + c[1] + (c[2] ? ': ' + c[2] : '')));
      ul.appendChild(li);
    });
    body.appendChild(ul);
  }
  function copyBlock(body, label, text) {
    var box = make('div', null, 'code'), head = make('div', null, 'code-head'), button = make('button', 'Copy', 'copy');
    button.type = 'button';
    button.setAttribute('aria-label', 'Copy ' + label.toLowerCase());
    head.appendChild(make('span', label));
    head.appendChild(button);
    var pre = make('pre');
    pre.appendChild(make('code', text));
    box.appendChild(head);
    box.appendChild(pre);
    body.appendChild(box);
  }
  function quote(text) { return "'" + String(text).replace(/'/g, "'\\''") + "'"; }
  function details(i, from) {
    var u = users[i], body = $('c2-details-body'), dialog = $('c2-details');
    opener = from;
    $('c2-details-title').textContent = u[0];
    body.replaceChildren();
    var p = make('p');
    p.appendChild(badge(u[2]));
    body.appendChild(p);
    if (u[1]) { var id = make('p', 'Object id '); id.appendChild(make('code', u[1])); body.appendChild(id); }
    else { body.appendChild(make('p', 'The user is not in the snapshot.')); }
    codeItems(body, 'Root causes', u[3]);
    codeItems(body, 'Other findings', u[4]);
    codeItems(body, 'Accepted risks (they decide neither the verdict nor the plan)', u[5]);
    if (u[6].length) {
      section(body, 'Conditional Access policies that block this user');
      var ul = make('ul');
      u[6].forEach(function (k) { var pol = policies[k] || ['?', '', '']; var li = make('li', pol[1] || '(no name)'); li.appendChild(document.createTextNode(' ')); li.appendChild(make('code', pol[0])); ul.appendChild(li); });
      body.appendChild(ul);
    }
    section(body, 'Plan');
    if (u[7].length) {
      var ol = make('ol');
      u[7].forEach(function (k) {
        var s = steps[k] || ['?', '', '', 0];
        var li = make('li');
        li.appendChild(make('code', s[0]));
        li.appendChild(document.createTextNode(' (' + s[1] + ', risk ' + s[2] + (s[3] ? ', requires approval' : '') + ')'));
        ol.appendChild(li);
      });
      body.appendChild(ol);
    } else {
      body.appendChild(make('p', 'No step: no change is needed or possible through the tenant\u2019s settings.'));
    }
    body.appendChild(make('p', u[8] ? 'After the plan\u2019s changes, App password would be available.' : 'The plan\u2019s changes alone would not make App password available.'));
    section(body, 'Evidence and the full plan');
    body.appendChild(make('p', 'Diagnose this user alone for every finding\u2019s evidence and each step\u2019s requests and rollbacks:'));
    copyBlock(body, 'Command', 'c2authdiag diagnose --snapshot SNAPSHOT.json --user ' + quote(u[0]) + ' --format html > user.html');
    if (typeof dialog.showModal === 'function') { dialog.showModal(); } else { dialog.setAttribute('open', ''); }
  }
  function setCode(value) { $('c2-code').value = value; state.code = value; }
  function setPolicy(value) { $('c2-policy').value = value < 0 ? '' : String(value); state.policy = value; }
  function focusUsers() { var h = $('users'); if (h) { h.scrollIntoView(); h.focus(); } }
  $('c2-verdict').addEventListener('change', function (e) { state.verdict = e.target.value === '' ? -1 : Number(e.target.value); apply(false); });
  $('c2-code').addEventListener('change', function (e) { state.code = e.target.value; apply(false); });
  $('c2-policy').addEventListener('change', function (e) { state.policy = e.target.value === '' ? -1 : Number(e.target.value); apply(false); });
  $('c2-search').addEventListener('input', function (e) { state.q = e.target.value.trim().toLowerCase(); apply(false); });
  $('c2-reset').addEventListener('click', function () {
    $('c2-verdict').value = ''; $('c2-search').value = '';
    setCode(''); setPolicy(-1);
    state.verdict = -1; state.q = '';
    apply(false);
  });
  $('c2-first').addEventListener('click', function () { go(0); });
  $('c2-prev').addEventListener('click', function () { go(Math.max(0, state.page - 1)); });
  $('c2-next').addEventListener('click', function () { go(state.page + 1); });
  $('c2-last').addEventListener('click', function () { go(Math.ceil(order.length / PAGE) - 1); });
  document.querySelectorAll('button.sort').forEach(function (b) { b.addEventListener('click', function () { sortBy(b.getAttribute('data-sort')); }); });
  document.querySelectorAll('button.show').forEach(function (b) {
    b.hidden = false;
    b.addEventListener('click', function () {
      var code = b.getAttribute('data-code'), policy = b.getAttribute('data-policy');
      setCode(code || '');
      setPolicy(policy === null ? -1 : Number(policy));
      apply(false);
      focusUsers();
    });
  });
  rows.addEventListener('click', function (e) {
    var b = e.target && e.target.closest ? e.target.closest('button[data-user]') : null;
    if (b) { details(Number(b.getAttribute('data-user')), b); }
  });
  $('c2-close').addEventListener('click', function () { $('c2-details').close(); });
  $('c2-details').addEventListener('close', function () { if (opener && opener.isConnected) { opener.focus(); } });
  $('c2-controls').hidden = false;
  $('c2-pager').hidden = false;
  apply(false);
})();
""";
}
