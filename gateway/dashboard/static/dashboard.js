"use strict";
/* The county leader's dashboard: logs in (OAuth2 password flow), reads the stats endpoints with the token kept
   in this closure only (no storage, no cookie), and draws each figure as a chart with its numbers in a table. */
(function () {
  var WEEKS = 12;
  var COLORS = ["#0b5cad", "#c2410c", "#146c2e", "#6d28d9", "#a4161a", "#0f766e", "#854d0e", "#be185d"];
  var FONT = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';
  var EMPTY = "暂无数据";
  var ROLES = { admin: "管理员", officer: "部门工作人员", enterprise: "企业", bank: "银行", leader: "县领导" };
  var body = document.body;
  var departments = JSON.parse(body.dataset.departments || "{}");
  var companyOpening = body.dataset.companyOpening;
  var token = null; /* the access token: in memory only */
  var role = null;

  function $(id) { return document.getElementById(id); }
  function department(code) { return departments[code] || code; }

  /* --- formatting -------------------------------------------------------------------------------- */
  function pct(rate) { return rate === null || rate === undefined ? "—" : (rate * 100).toFixed(1) + "%"; }
  function num(value, digits) {
    if (value === null || value === undefined) return "—";
    return digits === undefined ? String(value) : Number(value).toFixed(digits);
  }
  function yi(yuan) { return (yuan / 1e8).toFixed(2) + " 亿元"; }
  function wan(yuan) { return Math.round(yuan / 1e4); }

  /* --- calls ------------------------------------------------------------------------------------ */
  function call(path) {
    return fetch(path, { headers: { Authorization: "Bearer " + token, Accept: "application/json" } }).then(
      function (response) {
        if (response.ok) {
          return response.json().then(function (data) { return { status: response.status, data: data }; });
        }
        return { status: response.status, data: null };
      },
      function () { return { status: 0, data: null }; }
    );
  }

  function login(event) {
    event.preventDefault();
    var error = $("login-error");
    error.textContent = "";
    var username = $("username").value.trim();
    var password = $("password").value;
    if (!username || !password) {
      error.textContent = "请输入用户名和密码。";
      (username ? $("password") : $("username")).focus();
      return;
    }
    $("login-button").disabled = true;
    var form = new URLSearchParams({ grant_type: "password", username: username, password: password });
    fetch("/auth/token", { method: "POST", body: form, headers: { Accept: "application/json" } })
      .then(function (response) {
        return response.json().then(function (data) { return { ok: response.ok, status: response.status, data: data }; });
      })
      .then(function (answer) {
        if (!answer.ok) {
          error.textContent =
            answer.status === 429 ? "登录失败次数过多，请稍后再试。" : "用户名或密码不正确。";
          $("password").focus();
          return;
        }
        token = answer.data.access_token;
        role = answer.data.role;
        $("password").value = "";
        $("login").hidden = true;
        $("session").hidden = false;
        $("who").textContent = username + "（" + (ROLES[role] || role) + "）";
        load();
      })
      .catch(function () { error.textContent = "无法连接服务器，请稍后再试。"; })
      .finally(function () { $("login-button").disabled = false; });
  }

  function logout() {
    if (token) fetch("/auth/logout", { method: "POST", headers: { Authorization: "Bearer " + token } });
    token = null;
    role = null;
    $("board").hidden = true;
    $("refused").hidden = true;
    $("session").hidden = true;
    $("login").hidden = false;
    $("username").focus();
  }

  function load() {
    $("status").textContent = "正在读取数据……";
    var paths = {
      intake: "/intake/stats",
      intakeWeekly: "/intake/stats/weekly?weeks=" + WEEKS,
      approval: "/approval/stats",
      approvalWeekly: "/approval/stats/weekly?weeks=" + WEEKS,
      criticalPath: "/approval/stats/critical-path",
      criticalPathOpening: "/approval/stats/critical-path?matter_code=" + encodeURIComponent(companyOpening),
      finance: "/finance/stats",
      financeWeekly: "/finance/stats/weekly?weeks=" + WEEKS,
    };
    var names = Object.keys(paths);
    Promise.all(names.map(function (name) { return call(paths[name]); })).then(function (answers) {
      var got = {};
      var statuses = {};
      names.forEach(function (name, i) { got[name] = answers[i].data; statuses[name] = answers[i].status; });
      if (names.some(function (name) { return statuses[name] === 401; })) {
        logout();
        $("login-error").textContent = "登录已过期，请重新登录。";
        return;
      }
      if (["intake", "approval", "finance"].every(function (name) { return statuses[name] === 403; })) {
        $("board").hidden = true;
        $("refresh").hidden = true;
        $("refused").hidden = false;
        $("refused-text").textContent =
          "您的账号（" + (ROLES[role] || role) + "）无权查看县领导看板：服务器答复 403。此看板仅对县领导和管理员开放。";
        $("refused").focus();
        return;
      }
      $("refused").hidden = true;
      $("refresh").hidden = false;
      $("board").hidden = false;
      render(got);
      var missing = names.filter(function (name) { return !got[name]; });
      $("status").textContent =
        "数据更新于 " + new Date().toLocaleString("zh-CN", { hour12: false }) +
        (missing.length ? "；部分数据暂不可用：" + missing.map(function (n) { return paths[n]; }).join("、") : "");
      body.dataset.loaded = "true"; /* for the browser tests: every chart is drawn */
    });
  }

  /* --- rendering --------------------------------------------------------------------------------- */
  function render(d) {
    renderKpis(d);
    var iw = d.intakeWeekly && d.intakeWeekly.weeks;
    var aw = d.approvalWeekly && d.approvalWeekly.weeks;
    var fw = d.financeWeekly && d.financeWeekly.weeks;
    chart("chart-requests", iw && {
      traces: [
        bars(iw.map(week), iw.map(function (w) { return w.received; }), "受理", 0),
        bars(iw.map(week), iw.map(function (w) { return w.closed; }), "办结", 2),
      ],
      layout: { barmode: "group", yaxis: { title: { text: "件" }, rangemode: "tozero" } },
      table: table(["周", "受理（件）", "办结（件）"], iw.map(function (w) { return [week(w), w.received, w.closed]; })),
    });
    chart("chart-satisfaction", iw && {
      traces: [
        line(iw.map(week), iw.map(function (w) { return w.satisfaction_rate; }), "满意率", 2),
        line(iw.map(week), iw.map(function () { return 1; }), "目标 100%", 4, "dash"),
      ],
      layout: { yaxis: { title: { text: "满意率" }, tickformat: ".0%", range: [0, 1.05] } },
      table: table(
        ["周", "评价（件）", "满意（件）", "满意率"],
        iw.map(function (w) { return [week(w), w.feedback, w.satisfied, pct(w.satisfaction_rate)]; })
      ),
    });
    chart("chart-approval", aw && {
      traces: [
        line(aw.map(week), aw.map(function (w) { return w.avg_working_days; }), "平均审批工作日", 0),
        line(aw.map(week), aw.map(function (w) { return w.avg_materials; }), "平均申请材料（件）", 1),
        line(aw.map(week), aw.map(function () { return 1.01; }), "目标 1.01 工作日", 0, "dash"),
        line(aw.map(week), aw.map(function () { return 1.59; }), "目标 1.59 件", 1, "dot"),
      ],
      layout: { yaxis: { rangemode: "tozero" } },
      table: table(
        ["周", "受理（件）", "办结（件）", "平均工作日", "平均材料（件）"],
        aw.map(function (w) {
          return [week(w), w.received, w.completed, num(w.avg_working_days, 2), num(w.avg_materials, 2)];
        })
      ),
    });
    chart("chart-signed", fw && {
      traces: [bars(fw.map(week), fw.map(function (w) { return wan(w.amount_signed_yuan); }), "签约金额（万元）", 0)],
      layout: { yaxis: { title: { text: "万元" }, rangemode: "tozero" } },
      table: table(
        ["周", "签约（笔）", "签约企业（家）", "签约金额（万元）"],
        fw.map(function (w) { return [week(w), w.deals, w.enterprises, wan(w.amount_signed_yuan)]; })
      ),
    });
    heatmap("chart-sla-approval", aw && (d.approvalWeekly.by_department ? weeksByDepartment(d.approvalWeekly) : aw),
      function (w) { return w.departments; }, "decided", "办结任务");
    heatmap("chart-sla-requests", iw && d.intakeWeekly.by_department && weeksByDepartment(d.intakeWeekly), function (w) {
      return w.departments;
    }, "settled", "当周答复或逾期的诉求");
    /* company opening first (which department holds it back); every matter while it has none approved */
    var opening = d.criticalPathOpening;
    renderCriticalPath(opening && opening.applications ? opening : d.criticalPath,
      opening && opening.applications ? "企业开办（" + companyOpening + "）" : "全部事项");
    renderCommitments(d.approval && d.approval.commitments);
    renderEvents(d.financeWeekly && d.financeWeekly.events);
  }

  function week(w) { return w.week; }

  function weeksByDepartment(weekly) {
    /* intake and approval give department → weeks; the heatmap takes weeks → departments */
    return weekly.weeks.map(function (w, i) {
      var departmentsOfWeek = {};
      Object.keys(weekly.by_department).forEach(function (code) {
        departmentsOfWeek[code] = weekly.by_department[code][i];
      });
      return { week: w.week, departments: departmentsOfWeek };
    });
  }

  function kpi(id, name, value, target, met, detail) {
    var item = document.createElement("li");
    item.className = "kpi " + (met === null ? "unknown" : met ? "met" : "missed");
    item.dataset.kpi = id;
    var verdict = met === null ? "暂无数据" : met ? "达标" : "未达标";
    item.innerHTML =
      '<p class="name"></p><p class="figures"><span class="value"></span><span class="target"></span></p>' +
      '<p><span class="verdict"></span></p><p class="detail"></p>';
    item.querySelector(".name").textContent = name;
    item.querySelector(".value").textContent = value;
    item.querySelector(".target").textContent = "目标 " + target;
    item.querySelector(".verdict").textContent = verdict;
    item.querySelector(".detail").textContent = detail || "";
    return item;
  }

  function renderKpis(d) {
    var list = $("kpis");
    list.textContent = "";
    var i = d.intake;
    var a = d.approval;
    var f = d.finance;
    var known = function (v) { return v !== null && v !== undefined; };
    list.appendChild(kpi(
      "closed", "诉求办结",
      i ? i.closed + " / " + i.received + " 件" : EMPTY,
      "全部办结（报道：72 / 72 件）",
      i && i.received ? i.closed === i.received : null,
      i ? "办结率 " + pct(i.completion_rate) : ""
    ));
    list.appendChild(kpi(
      "satisfaction", "企业满意率",
      i ? pct(i.satisfaction_rate) : EMPTY,
      "100%",
      i && known(i.satisfaction_rate) ? i.satisfaction_rate >= 1 : null,
      i ? "按时答复率 " + pct(i.on_time_rate) : ""
    ));
    list.appendChild(kpi(
      "working-days", "审批平均用时",
      a && known(a.avg_working_days) ? num(a.avg_working_days, 2) + " 工作日/件" : EMPTY,
      "≤ 1.01 工作日/件",
      a && known(a.avg_working_days) ? a.avg_working_days <= 1.01 : null,
      a ? "已批准 " + a.approved + " 件，按时率 " + pct(a.on_time_rate) : ""
    ));
    list.appendChild(kpi(
      "materials", "申请材料",
      a && known(a.avg_materials) ? num(a.avg_materials, 2) + " 件/项" : EMPTY,
      "≤ 1.59 件/项",
      a && known(a.avg_materials) ? a.avg_materials <= 1.59 : null,
      a ? "申请 " + a.applications + " 件" : ""
    ));
    var opening = a && a.by_matter && a.by_matter[companyOpening];
    list.appendChild(kpi(
      "company-opening", "企业开办用时",
      opening && known(opening.avg_working_days) ? num(opening.avg_working_days, 2) + " 工作日" : EMPTY,
      "≤ 1 个工作日",
      opening && known(opening.avg_working_days) ? opening.avg_working_days <= 1 : null,
      opening ? "已批准 " + opening.approved + " 件（事项 " + companyOpening + "）" : ""
    ));
    list.appendChild(kpi(
      "amount-signed", "银企对接签约金额",
      f ? yi(f.amount_signed_yuan) : EMPTY,
      "17.70 亿元",
      f ? f.amount_signed_yuan >= 1.77e9 : null,
      f ? "签约 " + f.deals + " 笔" : ""
    ));
    list.appendChild(kpi(
      "enterprises", "获得融资的企业",
      f ? f.enterprises_financed + " 家" : EMPTY,
      "55 家",
      f ? f.enterprises_financed >= 55 : null,
      f ? "对接活动 " + (f.events || []).length + " 场" : ""
    ));
  }

  function renderCriticalPath(cp, scope) {
    var rows = cp && cp.departments ? cp.departments : null;
    chart("chart-critical", rows && rows.length ? {
      traces: [
        hbars(rows.map(function (r) { return department(r.department); }), rows.map(function (r) { return r.last; }),
          "最后办结次数", 1, "x"),
        hbars(rows.map(function (r) { return department(r.department); }),
          rows.map(function (r) { return r.added_working_days; }), "多用工作日（合计）", 0, "x2"),
      ],
      layout: {
        grid: { rows: 1, columns: 2, pattern: "independent" },
        xaxis: { title: { text: "次" }, rangemode: "tozero" },
        xaxis2: { title: { text: "工作日" }, rangemode: "tozero" },
        yaxis: { autorange: "reversed", automargin: true },
        yaxis2: { autorange: "reversed", showticklabels: false, matches: "y" },
        height: Math.max(300, 60 + rows.length * 40),
      },
      table: table(
        ["部门", "参与审批（件）", "最后办结（次）", "最后办结占比", "多用工作日（合计）", "平均多用工作日"],
        rows.map(function (r) {
          return [department(r.department), r.applications, r.last, pct(r.last_rate), num(r.added_working_days, 2),
            num(r.avg_added_working_days, 2)];
        })
      ),
      caption: cp.applications !== undefined ? scope + "：统计已批准申请 " + cp.applications + " 件" : "",
    } : null);
  }

  function renderCommitments(c) {
    var byDepartment = c && c.by_department ? Object.keys(c.by_department) : [];
    var summary = c
      ? "共 " + c.commitments + " 项：在途 " + c.open + " 项，逾期 " + c.overdue + " 项，已兑现 " + c.fulfilled +
        " 项，兑现率 " + pct(c.fulfilment_rate)
      : "";
    chart("chart-commitments", c && c.commitments ? {
      traces: [
        hbars(byDepartment.map(department), byDepartment.map(function (k) { return c.by_department[k].open; }),
          "在途", 0),
        hbars(byDepartment.map(department), byDepartment.map(function (k) { return c.by_department[k].overdue; }),
          "逾期", 4),
      ],
      layout: {
        barmode: "stack",
        xaxis: { title: { text: "项" }, rangemode: "tozero" },
        yaxis: { autorange: "reversed", automargin: true },
        height: Math.max(260, 80 + byDepartment.length * 36),
      },
      table: table(
        ["部门", "在途（项）", "逾期（项）", "已兑现（项）", "兑现率"],
        [["全县", c.open, c.overdue, c.fulfilled, pct(c.fulfilment_rate)]].concat(
          byDepartment.map(function (k) {
            var s = c.by_department[k];
            return [department(k), s.open, s.overdue, s.fulfilled, pct(s.fulfilment_rate)];
          })
        )
      ),
      caption: summary,
    } : null);
  }

  function renderEvents(events) {
    if (!events || !events.length) { chart("chart-events", null); return; }
    var labels = events.map(function (e) { return e.title + "（" + e.held_on + "）"; });
    var banks = [];
    events.forEach(function (e) {
      e.by_bank.forEach(function (b) { if (banks.indexOf(b.name) < 0) banks.push(b.name); });
    });
    var traces = banks.map(function (bank, i) {
      return hbars(labels, events.map(function (e) {
        var found = e.by_bank.filter(function (b) { return b.name === bank; })[0];
        return found ? wan(found.amount_signed_yuan) : 0;
      }), bank, i);
    });
    var rows = [];
    events.forEach(function (e) {
      rows.push([e.title, e.held_on, "合计", e.enterprises, e.deals, wan(e.amount_signed_yuan)]);
      e.by_bank.forEach(function (b) {
        rows.push([e.title, e.held_on, b.name, b.enterprises, b.deals, wan(b.amount_signed_yuan)]);
      });
    });
    chart("chart-events", {
      traces: traces.length ? traces : [hbars(labels, events.map(function () { return 0; }), "签约金额", 0)],
      layout: {
        barmode: "stack",
        xaxis: { title: { text: "万元" }, rangemode: "tozero" },
        yaxis: { autorange: "reversed", automargin: true },
        height: Math.max(260, 100 + events.length * 48),
      },
      table: table(["活动", "日期", "银行", "签约企业（家）", "签约（笔）", "签约金额（万元）"], rows),
      caption: events.map(function (e) { return e.title + "：" + e.enterprises + " 家企业签约 " + yi(e.amount_signed_yuan); })
        .join("；"),
    });
  }

  function heatmap(id, weeks, departmentsOf, countField, countName) {
    if (!weeks || !weeks.length) { chart(id, null); return; }
    var codes = [];
    weeks.forEach(function (w) {
      Object.keys(departmentsOf(w) || {}).forEach(function (code) {
        var cell = departmentsOf(w)[code];
        if (cell && cell[countField] && codes.indexOf(code) < 0) codes.push(code);
      });
    });
    codes.sort();
    if (!codes.length) { chart(id, null); return; }
    var x = weeks.map(week);
    var z = codes.map(function (code) {
      return weeks.map(function (w) {
        var cell = (departmentsOf(w) || {})[code];
        return cell && cell.on_time_rate !== null && cell.on_time_rate !== undefined ? cell.on_time_rate : null;
      });
    });
    var rows = codes.map(function (code) {
      return [department(code)].concat(weeks.map(function (w) {
        var cell = (departmentsOf(w) || {})[code];
        return cell && cell[countField] ? pct(cell.on_time_rate) + "（" + cell.on_time + "/" + cell[countField] + "）" : "—";
      }));
    });
    chart(id, {
      traces: [{
        type: "heatmap",
        x: x,
        y: codes.map(department),
        z: z,
        zmin: 0,
        zmax: 1,
        colorscale: [[0, "#fde8e8"], [0.5, "#9ecae1"], [1, "#08306b"]],
        texttemplate: "%{z:.0%}",
        hovertemplate: "%{y}<br>%{x}<br>按时率 %{z:.1%}<extra></extra>",
        showscale: false, /* plotly.js styles its colour bar by a style attribute, which the policy refuses */
        xgap: 2,
        ygap: 2,
      }],
      layout: {
        yaxis: { automargin: true, autorange: "reversed" },
        xaxis: { type: "category" },
        height: Math.max(260, 90 + codes.length * 38),
      },
      table: table(["部门（按时/" + countName + "）"].concat(x), rows),
    });
  }

  /* --- chart and table primitives ---------------------------------------------------------------- */
  function bars(x, y, name, color) {
    return { type: "bar", x: x, y: y, name: name, marker: { color: COLORS[color] },
      hovertemplate: "%{x}<br>" + name + " %{y}<extra></extra>" };
  }
  function hbars(y, x, name, color, axis) {
    var trace = { type: "bar", orientation: "h", x: x, y: y, name: name, marker: { color: COLORS[color % COLORS.length] },
      hovertemplate: "%{y}<br>" + name + " %{x}<extra></extra>" };
    if (axis === "x2") { trace.xaxis = "x2"; trace.yaxis = "y2"; }
    return trace;
  }
  function line(x, y, name, color, dash) {
    return { type: "scatter", mode: dash ? "lines" : "lines+markers", x: x, y: y, name: name, connectgaps: false,
      line: { color: COLORS[color], dash: dash || "solid", width: dash ? 1.5 : 2.5 } };
  }

  function table(headers, rows) {
    var t = document.createElement("table");
    var head = t.createTHead().insertRow();
    headers.forEach(function (h) {
      var th = document.createElement("th");
      th.scope = "col";
      th.textContent = h;
      head.appendChild(th);
    });
    var tbody = t.createTBody();
    rows.forEach(function (row) {
      var tr = tbody.insertRow();
      row.forEach(function (value, i) {
        var cell = i === 0 ? document.createElement("th") : document.createElement("td");
        if (i === 0) cell.scope = "row";
        cell.textContent = value === null || value === undefined ? "—" : String(value);
        tr.appendChild(cell);
      });
    });
    return t;
  }

  function chart(id, spec) {
    var figure = $(id);
    var title = figure.dataset.title;
    figure.textContent = "";
    var caption = document.createElement("figcaption");
    caption.id = id + "-title";
    caption.textContent = title;
    figure.appendChild(caption);
    if (!spec) {
      var empty = document.createElement("p");
      empty.className = "empty";
      empty.textContent = EMPTY;
      figure.appendChild(empty);
      figure.dataset.state = "empty";
      return;
    }
    if (spec.caption) {
      var note = document.createElement("p");
      note.className = "hint";
      note.textContent = spec.caption;
      figure.appendChild(note);
    }
    var plot = document.createElement("div");
    plot.className = "plot";
    plot.setAttribute("role", "img");
    plot.setAttribute("aria-label", title + "（图表；数据见下方表格）");
    figure.appendChild(plot);
    var details = document.createElement("details");
    var summary = document.createElement("summary");
    summary.textContent = "查看数据表：" + title;
    details.appendChild(summary);
    var wrap = document.createElement("div");
    wrap.className = "table-wrap";
    spec.table.createCaption().textContent = title;
    wrap.appendChild(spec.table);
    details.appendChild(wrap);
    figure.appendChild(details);
    var narrow = window.innerWidth < 600;
    var layout = Object.assign({
      font: { family: FONT, size: narrow ? 11 : 13, color: "#1b1f24" },
      margin: { l: 56, r: 28, t: 36, b: narrow ? 80 : 64 },
      legend: { orientation: "h", x: 0, y: 1.02, xanchor: "left", yanchor: "bottom" },
      paper_bgcolor: "#ffffff",
      plot_bgcolor: "#ffffff",
      height: 320,
      autosize: true,
    }, spec.layout);
    Plotly.newPlot(plot, spec.traces, layout, { displayModeBar: false, responsive: true });
    figure.dataset.state = "drawn";
  }

  $("login-form").addEventListener("submit", login);
  $("logout").addEventListener("click", logout);
  $("refresh").addEventListener("click", load);
  body.dataset.ready = "true";
})();
