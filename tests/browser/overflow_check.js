// Appended to a copy of the report by the A4 test: lists the elements
// that stick out to the right of the page at the window's width (the
// print area of an A4 page), or writes "ok".
(function () {
  var width = document.documentElement.clientWidth;
  var wide = [];
  document.querySelectorAll("body *").forEach(function (e) {
    var r = e.getBoundingClientRect();
    if (r.width > 0 && r.right > width + 1) wide.push(e.tagName + "." + (e.className.baseVal !== undefined ? e.className.baseVal : e.className) + " " + Math.round(r.right));
  });
  var out = document.createElement("pre");
  out.id = "overflow";
  out.textContent = wide.length ? wide.slice(0, 10).join("; ") : "ok";
  document.body.appendChild(out);
})();
