// Checks the geometry of every map on the page (each an <svg> inside a
// <div class="case" data-case="…" data-must="id1 id2 …">): the legend
// (#legend) overlaps no actor, engagement or label; no two labels
// ([data-label]) overlap; no label lies over another actor's circle or
// the caption; every
// id in data-must has a visible label. Reports, for the test to judge, the
// share of the page the drawing's bounding box covers (actors, labels,
// legend) and the share of drawn actors that are named.
// Writes one JSON object per case into <pre id="result">.
(function () {
  function box(el) {
    var r = el.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  }
  function overlap(a, b) {
    // More than half a pixel each way counts as overlapping.
    var w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
    var h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
    return w > 0.5 && h > 0.5;
  }
  var results = [];
  var cases = document.querySelectorAll("div.case");
  for (var i = 0; i < cases.length; i++) {
    var div = cases[i];
    var problems = [];
    var legend = div.querySelector("#legend");
    if (!legend) problems.push("no #legend");
    var marks = div.querySelectorAll("[data-actor], [data-engagement]");
    var labels = div.querySelectorAll("[data-label]");
    var legendBox = legend ? box(legend) : null;
    for (var j = 0; legendBox && j < marks.length; j++) {
      if (overlap(legendBox, box(marks[j]))) {
        problems.push("legend covers " + (marks[j].getAttribute("data-actor") || marks[j].getAttribute("data-engagement")));
      }
    }
    var labelBoxes = [];
    for (var k = 0; k < labels.length; k++) {
      var b = box(labels[k]);
      var id = labels[k].getAttribute("data-label");
      if (legendBox && overlap(legendBox, b)) problems.push("legend covers the label of " + id);
      for (var m = 0; m < labelBoxes.length; m++) {
        if (overlap(labelBoxes[m].box, b)) {
          problems.push("labels of " + labelBoxes[m].id + " and " + id + " overlap");
        }
      }
      labelBoxes.push({ id: id, box: b });
    }
    // No label over the caption under the map.
    var captionLines = div.querySelectorAll("g.caption text");
    for (var cl = 0; cl < captionLines.length; cl++) {
      var cb = box(captionLines[cl]);
      for (var lb = 0; lb < labelBoxes.length; lb++) {
        if (overlap(cb, labelBoxes[lb].box)) problems.push("the label of " + labelBoxes[lb].id + " covers the caption");
      }
    }
    // A label over another actor's circle (its own may touch it).
    for (var c = 0; c < labelBoxes.length; c++) {
      for (var d = 0; d < marks.length; d++) {
        var other = marks[d].getAttribute("data-actor") || marks[d].getAttribute("data-engagement");
        if (other !== labelBoxes[c].id && overlap(labelBoxes[c].box, box(marks[d]))) {
          problems.push("the label of " + labelBoxes[c].id + " covers " + other);
        }
      }
    }
    var svg = div.querySelector("svg");
    var page = box(svg);
    var drawn = { left: Infinity, top: Infinity, right: -Infinity, bottom: -Infinity };
    var parts = Array.prototype.slice.call(marks).concat(Array.prototype.slice.call(labels));
    if (legend) parts.push(legend);
    for (var e = 0; e < parts.length; e++) {
      var pb = box(parts[e]);
      drawn.left = Math.min(drawn.left, pb.left);
      drawn.top = Math.min(drawn.top, pb.top);
      drawn.right = Math.max(drawn.right, pb.right);
      drawn.bottom = Math.max(drawn.bottom, pb.bottom);
    }
    var coverage = ((drawn.right - drawn.left) * (drawn.bottom - drawn.top)) /
      ((page.right - page.left) * (page.bottom - page.top));
    var labelled = {};
    for (var n = 0; n < labelBoxes.length; n++) labelled[labelBoxes[n].id] = true;
    var must = (div.getAttribute("data-must") || "").split(" ").filter(function (s) { return s; });
    for (var q = 0; q < must.length; q++) {
      var drawn = div.querySelector('[data-actor="' + CSS.escape(must[q]) + '"]');
      if (drawn && !labelled[must[q]]) problems.push("no label on " + must[q]);
    }
    var actors = div.querySelectorAll("[data-actor]");
    var named = 0;
    for (var f = 0; f < actors.length; f++) {
      if (labelled[actors[f].getAttribute("data-actor")]) named++;
    }
    results.push({
      case: div.getAttribute("data-case"),
      actors: marks.length,
      labels: labels.length,
      coverage: coverage,
      named: actors.length ? named / actors.length : 1,
      problems: problems,
    });
  }
  document.getElementById("result").textContent = JSON.stringify(results);
})();
