// Appended to a copy of the report by the 1280 px test: lists what a
// reader could not read at the window's width (a page wider than the
// window, a table cell whose text overflows it, a key finding of more
// than 60 words, a heat map of more than 12 groups), or writes "ok".
(function () {
  var problems = [];
  var root = document.documentElement;
  if (root.scrollWidth > root.clientWidth + 1) {
    problems.push("page " + root.scrollWidth + " px wide");
  }
  document.querySelectorAll("td, th").forEach(function (c) {
    if (c.scrollWidth > c.clientWidth + 1) {
      problems.push("cell overflows: " + c.textContent.slice(0, 40));
    }
  });
  document.querySelectorAll("#findings li").forEach(function (li) {
    var words = li.textContent.replace("→", "").trim().split(/\s+/).length;
    if (words > 60) problems.push("finding of " + words + " words");
  });
  var heat = document.querySelector("table.heat thead tr");
  if (heat && heat.children.length > 13) {
    problems.push("heat map of " + (heat.children.length - 1) + " groups");
  }
  var out = document.createElement("pre");
  out.id = "readable";
  out.textContent = problems.length ? problems.slice(0, 10).join("; ") : "ok";
  document.body.appendChild(out);
})();
