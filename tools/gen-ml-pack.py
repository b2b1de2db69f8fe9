#!/usr/bin/env python3
"""Source of rules/ml-system-design.json. Regexes are far easier to review as
Python raw strings than as doubly escaped JSON; run this script after editing
and commit both files (tests/pack_sync checks that they agree)."""
import json, sys

# people who act on a system's output, for "What the grower sees", "What
# merchants see" (the prediction step as they get it)
PERSON_ROLES = ["customer", "driver", "rider", "grower", "farmer", "nurse",
                "clinician", "doctor", "analyst", "operator",
                "planner", "seller", "buyer", "viewer", "reader", "student",
                "teacher", "dispatcher", "recruiter", "adjuster", "inspector",
                "caseworker", "merchant", "user", "member", "shopper", "guest",
                "patient", "officer", "engineer", "technician", "trader",
                "underwriter", "forecaster", "scheduler", "mechanic",
                "pharmacist", "clerk", "crew", "manager", "picker",
                "surveyor", "librarian", "volunteer", "agronomist",
                "coordinator", "supervisor",
                # a place that acts on it: "What the shop sees", "What the
                # depot sees"
                "shop", "store", "depot", "branch", "team", "site", "clinic",
                "kitchen", "ward", "desk"]
# (not "reviewer" or "moderator": "What the interviewer says", "What we
# moderate" would be near misses of them)

# The rest of a sentence: anything but a full stop, across a soft line break
# (a newline whose next line goes on in lower case), not a blank line.
GAP = r"(?:[^.\n]|\n(?=[\t\x20]*[a-z0-9(]))"

def T(id, title, aliases, patterns, prompt=None, weight=1, local=None, rows=None):
    t = {"id": id, "title": title, "aliases": aliases, "patterns": patterns}
    if local: t["local_patterns"] = local
    if rows: t["target_rows"] = rows
    if prompt: t["prompt"] = prompt
    if weight != 1: t["weight"] = weight
    return t

sections = [
 {"id": "problem", "title": "Problem Formulation", "opening": True,
  "aliases": ["problem", "problem statement", "problem definition", "problem framing",
              "background", "motivation", "introduction", "context", "requirements",
              "goals", "objectives", "use case", "use cases", "scope", "problem and goals",
              "why now", "the problem", "executive summary", "tldr", "tl dr",
              # a deck's "Why we're here"
              "why we're here", "why are we here", "why we are here",
              # the reason written as a heading: "Why we're doing this"
              "why we're doing this", "why are we doing this", "why this matters",
              "why it matters", "why we need this", "current state", "status quo",
              "pain points",
              # headings written as questions: "Why?", "What are we building?",
              # "What exactly are we trying to do?"
              "why", "what are we building", "what we are building", "what we're building",
              "are we trying to do", "are we trying to solve", "we are trying to do",
              "we are trying to solve", "we're trying to do", "we're trying to solve",
              "what problem are we solving",
              # "What is this for?" (not a definition question)
              "what is this for", "what is it for", "what this is for",
              "why this exists", "why does this exist",
              # "1 Purpose" of a transfer document or a spec
              "purpose",
              # "The ask" (a memo's request, the least telling name: after
              # every other)
              "the ask"],
  "evidence": [r"\bbusiness (problem|objective|goal|need|case|value|impact)s?\b", r"\bpain points?\b", r"\bgoals?\b|\bnon[- ]goals?\b",
              r"\bproblem (statement|definition|framing)\b", r"\bstakeholders?\b",
              r"\b(functional|non-functional|business|technical|product) requirements?\b", r"\bin scope\b|\bout of scope\b",
              r"\bsuccess criteria\b", r"\b(we|the team) (want|need|aim)s? to\b", r"\busers? (want|need|expect)s?\b",
              r"\btoday,? (users|customers|agents|analysts|the team)\b", r"\bmanual(ly)? (review|process|work|effort)\b", r"\bcosts? (us|our|the team)\b|\b(reviewer|agent|analyst|moderator|engineer|operator)[- ]hours\b", r"(?<=\bwhat are we |\bwhat we are )\bbuilding\b|(?<=\bfor )\bwhom\b", r"\bcurrently\b|\bright now\b", r"\b(current|existing|legacy) (process|system|approach|setup|solution|workflow|flow|rules?|heuristics?)\b", r"\b(takes?|took|waits?|waited|spends?|spent|lose|loses|lost)\s+(up to\s+|about\s+|around\s+|over\s+|more than\s+)?(\w+\s+)?(hours?|days?|weeks?|minutes?)\b", r"\b(doubles?|triples?|adds? to) the (work|load|cost|effort|workload|backlog)\b", r"\b(coordinators?|agents?|analysts?|reviewers?|moderators?|operators?|dispatchers?|planners?|clerks?)\s+(\w+\s+)?(read|reads|review|reviews|check|checks|triage|triages|sort|sorts|route|routes|forward|forwards|label|labels|tag|tags|answer|answers|assign|assigns)\b",
              r"\b(customers?|users?|shoppers?|buyers?|riders?|drivers?|sellers?|merchants?|patients?|viewers?|readers?|subscribers?|members?|guests?|tenants?|students?|employees?|listeners?|players?|clients?) (see|get|want|need|expect|complain|abandon|wait|churn|leave|cancel|ask|request)\w*\b",
              # what it costs the business not to have it, and what we will build
              r"\b(lose|loses|losing|lost) (deals|customers|users|revenue|sales|money|business|subscribers)\b", r"\bcompetitors?\b",
              r"\bwe (will|propose to|plan to) (build|generate|create|predict|rank|recommend|detect|classify|score|route|summari[sz]e|forecast|flag|suggest|automate)\b",
              r"\bwe propose (a|an|to)\b",
              # the task framed as a function: "Given a playlist and the
              # listener, produce an ordered list of tracks"
              r"\bgiven (a|an|the|each|some) " + GAP + r"{1,100}\b(produce|predict|rank|return|output|generate|recommend|estimate|classify|suggest|score|decide|pick|choose)s?\b",
              # the idea and what it is not: "The idea is simple: ...", "What
              # we are not trying to do: approve PRs"
              r"\bthe idea is (simple|to|that)\b", r"\bwe('re| are) not (trying|going|aiming|planning|setting out) to\b",
              r"\b(picked|chosen|selected|prioriti[sz]ed|ranked|routed|flagged|decided|assigned) (by|with) (a |simple |fixed |static |hand-written |manual )?(rules?|heuristics?|hand|spreadsheets?)\b",
              r"\b(support (contacts|tickets|calls)|complaints?|cancellations?|churn)\b", r"\btoday\b[^.]{0,80}\b(late|slow|manual|fixed|static|by hand|rule)\w*\b", r"\b(we|the team) (want|need|aim)s?\b"],
  "topics": [
   T("use-case", "Use Case", ["use cases", "use case and business goal", "problem", "problem statement",
                              "problem definition"],
     [r"\buse[- ]cases?\b", r"\buser stor(y|ies)\b",
      # what we are asked to build: "we are asked to build a feed", "the
      # task is to rank ..."
      r"\b(asked|want|wants|need|needs|going|plan|plans|planning|here) to (build|design|create|develop)\b",
      r"\b(goal|task|job|aim|idea) (here )?is to (build|design|create|develop|recommend|rank|predict|detect|classify|suggest|flag|forecast|estimate)\b"],
     "What is the product or problem you're solving?"),
   T("business-objective", "Business Objective",
     ["business goal", "business goals", "objective", "goal", "goals", "business metric"],
     [r"\bbusiness (objective|goal|metric|value|impact)s?\b",
      r"\b(increas(e|es|ed|ing)|improv(e|es|ed|ing)|maximi[sz](e|es|ed|ing)|minimi[sz](e|es|ed|ing)|optimi[sz](e|es|ed|ing)|reduc(e|es|ed|ing)|boost(s|ed|ing)?|grow(s|ing)?|driv(e|es|ing)|lift(s|ed|ing)?|cut(s|ting)?|lower(s|ed|ing)?|halv(e|es|ed|ing))\b.{0,60}\b(revenue|engagement|conversions?|retention|sales|costs?|ctr|clicks?|time spent|satisfaction|safety|bookings?|roi|gmv|profit|waste|spoilage|stock-?outs?|losses|chargebacks?|churn|handle time|workload|backlog)\b"],
     "What outcome are we optimizing (e.g., engagement, conversion, cost)?"),
   T("key-constraints", "Key Constraints",
     ["constraints", "requirements", "non-functional requirements", "limitations"],
     [r"\bconstraints?\b", r"\brequirements?\b", r"\bsl[ao]s?\b", r"\bbudget\b", r"\blatency\b",
      r"\bprivacy\b", r"\breal[- ]time\b", r"\bscalab(le|ility)\b", r"\bat (\w+ )?scale\b", r"\bcompliance\b",
      # scale stated as a count: "40 million monthly active users", "2,000
      # queries per second"
      r"(?<=\d )\b(million|billion|thousand|hundred)\s+(daily\s+|monthly\s+|weekly\s+)?(active\s+)?(users|customers|requests|queries|searches|items|events|products|videos|listings|documents|orders|transactions|sessions|members|sellers|drivers|riders|images|posts|messages|tickets)\b",
      r"\b(daily|monthly|weekly) active users\b|\b(dau|daus|mau|maus|wau|waus)\b",
      r"\b(queries|requests|predictions|calls|events|messages|transactions) (per|a|each) (second|minute|hour|day)\b|\b(qps|rps)\b",
      r"\bmilliseconds?\b"],
     "Latency, scale, cost, privacy, etc."),
   T("assumptions", "Clarifying Assumptions",
     ["assumptions", "clarifying questions", "clarifications", "questions", "open questions",
      "clarifying requirements", "clarifying the requirements", "requirements clarification"],
     [r"\b(we|let's|let us)\s+(can\s+)?assume\b", r"\bassuming\b", r"(?<![a-z] )\bassumptions?\s*:",
      r"\b(our|key|main|working|simplifying|clarifying|design)\s+assumptions?\b",
      r"\bclarif(y|ying|ication|ications)\b"],
     "Personalization? Language? Geography? Device type?"),
  ]},
 # metrics are named, measurable things: a slogan under "How we'll know it's
 # working" that names none is no Success Metrics section
 {"id": "success-metrics", "title": "Success Metrics", "needs_evidence": True,
  # "### Key metrics for data pipelines" under "## Monitoring" are what
  # monitoring watches, not the design's success metrics
  "not_under": "monitoring",
  "aliases": ["metrics", "evaluation", "evaluation metrics", "success criteria", "metrics and evaluation",
              "evaluation and metrics", "kpis", "key metrics", "measuring success",
              # "## 2. Measuring quality"
              "measuring quality", "measuring model quality", "measuring accuracy",
              "measuring performance", "measuring impact",
              "offline and online metrics", "success measures", "metrics of success",
              "evals", "eval", "evaluation plan", "how we measure", "how we'd measure",
              "how we would measure", "how we will measure", "how we'll measure",
              "how to measure", "measurement",
              "measuring",
              # how well the model did on past data: "Model validation",
              # "Backtest" (not "validation" alone: "### Validation" under
              # "## Data" checks rows against a schema)
              "model validation", "validation results", "offline validation",
              "backtest", "backtesting",
              # "Results on held-out data", "Results so far" (not "Search
              # results": a result's noun before it is the head; these
              # results are the model's)
              "results", "offline results", "offline numbers", "online numbers", "pilot results", "experiment results",
              "test results", "model results", "evaluation results",
              # "How we'll know it's working", "What success looks like"
              "how we'll know", "how we will know", "how will we know", "how we'd know", "how we would know", "how would we know", "how would you know",
              # a stakeholder's question: "Q: How will I know if it works?"
              "how will i know", "how would i know", "how do i know",
              "how you'll know", "how you will know", "how will you know",
              "how do we know", "how do you know", "how we know",
              "what success looks like", "what success means", "success looks like",
              "what good looks like", "what does good look like", "good looks like",
              "definition of success", "defining success", "measures of success",
              # "What counts as success", "What we will measure"
              "what counts as success", "counts as success", "success",
              "measures", "key measures", "what we will measure", "what we'll measure", "what we measure",
              "what we are measuring", "what we're measuring",
              # "How we will judge it", "How we'll evaluate it"
              "how we will judge", "how we'll judge", "how we judge", "how we would judge", "how we'd judge",
              # a notebook's or a Q&A's "How good is it?", "How well does it work?"
              "how good is it", "how good it is", "how well does it work", "how well it works",
              # "Knowing it works", "Knowing whether it works"
              "knowing it works", "knowing whether it works", "knowing if it works",
              "knowing it's working", "how we'll tell", "how we will tell",
              # "How accurate is it?" (an FAQ's metrics)
              "how accurate is it", "how accurate are the estimates", "how accurate",
              "how we will evaluate", "how we'll evaluate", "how we evaluate",
              "how it will be judged", "how it will be measured",
              # "Step 2 - How we will measure it"
              "how we will measure", "how we'll measure", "how we would measure",
              "how to measure",
              "how it will be evaluated"],
  "evidence": [r"\bmetrics?\b", r"\bmeasured (as|by|offline)\b|(?<=\bmeasured )\b(on|against) (a|the) ([\w-]+ ){0,2}(test|holdout|hold-out|evaluation|validation) sets?\b",
              # "| Defect | Recall target | Max false reject rate |"
              r"\b(recall|precision|accuracy) targets?\b|(?<=\bfalse )\b(reject|rejection|alarm|accept|acceptance|positive|negative|discovery) rates?\b",
               # a past period scored in plain words: "31% of them would have
               # been on the list", "right about 1 time in 5"
               r"\b(would have been|would be) on the (list|shortlist)\b",
               r"\b(right|correct|wrong) (about |roughly |around |only )?(\d+|one) (time |times )?in (\d+|two|three|four|five|six|seven|eight|nine|ten)\b",
               # a validation scheme: "Leave-one-year-out", "leave one
               # region out", "rolling-origin backtest"
               r"\bleave[- ]one[- ]([\w]+[- ])?out\b|\brolling[- ]origin\b",
              # "the measures are pinball loss and ...", "stockout events per
              # month", "compare these over six months", "as in the backtest"
              r"\bmeasures (are|will be|we use)\b",
              r"(?<=\band |\bthen )\bcompare (these|them|the two|both)\b", r"\bback-?test(s|ed|ing)?\b",
              # "compared with a control group of depots", "the last month
              # held out"
              r"\bcontrol (group|groups|arm|arms|cohort|cohorts|stores?|sites?|regions?|branch(es)?|markets?|cities|depots?|clinics?|schools?|routes?|districts?)\b", r"\bheld[- ]out\b",
              # "Calibration: predicted 1,071 breaks, actual 1,085", "breaks
              # caught in top 1% of mains", "the 2023 test year"
              r"\bcalibrat(ion|ed)\b|(?<=\bcaught in |\bcaptured in |\bfound in |\bcaught in the |\bcaptured in the |\bfound in the )\btop\b|(?<=\btest )\b(years?|periods?|months?|windows?|weeks?|quarters?)\b",
              # a table of measures: "| measure | today | target |", and an
              # error named in plain words: "honest reviews wrongly hidden"
              r"(?<=\| )\b(measure|measures|metric|metrics|kpi|kpis|indicator|indicators)(?= +\|)",
              # a results table's column: "| Median lead time | Precision |"
              r"(?<=\| )\b(precision|recall|accuracy|auc|roc[- ]auc|pr[- ]auc|f1|mae|mape|rmse|ndcg|mrr|hit rate|catch rate|lead time|median lead time|error rate)(?= *\|)",
              r"(?<=\| )\b(target|targets|baseline)(?= +\|)",
              r"\b(wrongly|correctly|incorrectly) (hidden|flagged|blocked|removed|rejected|declined|held|filtered|marked|classified|identified|detected|diverted|routed|labell?ed|assigned)\b",
              # "compared with the same weeks last year", "expect at least 8%
              # less walking"
              r"\bcompared (with|to|against) (the )?(same|previous|last|prior) (week|weeks|month|months|period|periods|quarter|year|season)\b",
              r"(?<=\d% |\d %)\b(less|fewer|lower|higher|faster|shorter|longer|cheaper)\b",
              # a number that should move: "should fall from about twelve to two"
              r"\b(fall|falls|drop|drops|rise|rises|grow|grows|increase|increases|decrease|decreases|reduce|reduces|improve|improves|down|up) from (about |around |roughly )?[\w.%$-]+ to\b",
              # "the share of violating photos caught before...", "reviewer
              # agreement with the model's flags"
              r"\b(share|fraction|proportion|percentage) of ([\w-]+ ){0,3}(caught|flagged|detected|resolved|answered|accepted|clicked|converted|retained|removed|blocked|prevented|missed|reported|completed|abandoned)\b",
              r"\bagreement (with|between|rate)\b", r"\b(judged|golden|held[- ]out|evaluation|eval|test) (query |question )?(sets?|queries|questions)\b|(?<=\blocked |\bfrozen )\b(test|evaluation|eval) sets?\b", r"\b(targets?|goals?|aims?)\b" + GAP + r"{0,40}\b\d+(\.\d+)? ?%", r"(?<=% of )\b(queries|orders|users|requests|sessions|searches|cases|tickets|predictions|items|documents|pages|calls|trips|deliveries|transactions|questions|answers|customers|members|accounts|messages|listings|products|images|videos|claims|applications)\b", r"\b(share|fraction|proportion|percentage) of (\w+ ){0,2}(queries|orders|users|requests|sessions|searches|cases|tickets|predictions|items|documents|pages|calls|trips|deliveries|transactions|questions|answers|customers|members|accounts|messages|listings|products|images|videos|claims|applications)\b", r"\bkpis?\b", r"\bnorth[- ]star\b", r"\bguardrails?\b", r"\bbaselines?\b",
              r"\b(offline|online) (evaluation|evals?|metrics?|experiments?)\b", r"\bmeasur(e|ed|ing) success\b",
              r"\bsuccess (is|will be|would be) (measured|judged)\b", r"\bstatistical(ly)? significan", r"\bholdout\b",
              r"(?<=\bwe |\bto |\bwill |\bcan |\bwould |\bshould |\balso |'ll )\b(compare|evaluate|measure|track)\b|(?<=\bwe )\b(compared|evaluated|measured|backtested)\b", r"\bwatch(ing|es)?\b" + GAP + r"{0,40}\b(rates?|metrics?|conversions?|ctr|click[- ]through)\b", r"\b(decline|approval|churn|complaint|refund|error|acceptance|adoption|win|hit|click|click[- ]through|conversion|retention) rates?\b",
              r"\b(mean|median) (absolute|squared|relative) (percentage )?error\b", r"\bper 1,?000\b",
              r"\b(cancellation|churn|complaint|bounce|return|refund|fraud|spam|late|on-time|success|failure|abandonment|error) rates?\b"],
  "topics": [
   T("offline-metrics", "Offline Metrics",
     ["offline", "offline evaluation", "offline metric", "component level metrics"],
     [r"\brecall\s*@\s*k", r"\b(llm[- ]as[- ]a[- ]judge|llm judge|judge model)\b", r"\bgold(en)? (replies|answers|labels|set|standard|data)\b", r"(?<=\bin the |\bwithin the |\bamong the )\b(first|top)[- ]?\d+ (results|positions|suggestions|recommendations|hits|answers|candidates)\b", r"\bprecision\s*@\s*k", r"\b(ndcg|dcg)\b", r"\bmrr\b", r"(?-i)\bmAP\b",
      r"\broc[- ]?auc\b|\b(pr-auc|prauc)\b|(?<=\bpr )\bauc\b", r"\bauc\b", r"\blog[- ]?(loss|likelihood)\b",
      # credit and risk: "Gini 0.63, KS 0.48 on an out-of-time test"
      r"\bgini\b|\bks (statistic|stat)\b|(?<=\bout-of-|\bout of )\btime (test|sample|validation|holdout)\b",
      # forecasts: "pinball loss and quantile coverage", "interval coverage"
      r"\b(pinball|quantile) loss\b|\b(quantile|interval|prediction[- ]interval) coverage\b",
      # "an answer passes if it agrees with the partner's answer ... we want
      # 85% to pass"
      r"\b(agrees?|agreed|matches|matched) (with )?the [\w-]+'s (answer|answers|label|labels|judgement|judgment|decision|decisions|rating|ratings|value|values)\b",
      r"\bpass(ing)? rate\b|(?<=% to )\bpass\b",
      # "fake reviews caught (audited sample)", "on a held-out set"
      r"\b(audited|held-out|holdout|hand-checked|hand-labelled|hand-labeled) (sample|samples|set|sets)\b",
      # an offline replay: "we replay last month's orders against the
      # suggested layout", "a backtest over 2024"
      r"\b(replay|replays|replayed|replaying|backtest|backtests|backtested|backtesting) (of )?(last|past|the|historical|previous|a)\b",
      # "Leave-one-race-out backtest on 2015-2024", "leave-one-season-out"
      r"\bleave[- ]one[- ]([\w]+[- ])?out\b|\bbacktest(s|ed|ing)? (on|over|across|against)\b",
      # recall and human grading in plain words: "must catch at least 95%
      # of the urgent ones", "coordinators rate a sample of 200 drafts"
      r"\b(catch|catches|catching|caught|detect|detects|flag|flags|find|finds) (at least |over |more than |about )?\d+(\.\d+)? ?% of\b",
      r"\b(rate|rates|rated|grade|grades|graded|score|scores|scored|judge|judges|judged) (a sample of |a random sample of )?\d[\d,]* (drafts|replies|answers|summaries|outputs|responses|generations|suggestions)\b",
      r"\b(mean|median|root mean) (absolute|squared|relative) (percentage )?error\b",
      r"\bcross[- ]entropy\b", r"(?-i)\b(NCE|CE)\b", r"\bf1\b", r"\b(f-score|fscore)\b",
      r"\bprecision\b", r"\brecall\b", r"\baccuracy\b", r"\bperplexity\b", r"\bbleu\b",
      r"\brouge\b", r"\b(rmse|mae|mape|mse|wape|wmape|smape|mase)\b", r"\b(wer|cer)\b|\b(word|character|token) error rates?\b|\bexact[- ]match\b|\bscored (by [\w -]{1,40} )?on a rubric\b|\b(against|with) a rubric\b", r"\bqwk\b|\b(quadratic weighted|cohen'?s) kappa\b", r"\biou\b", r"\bhit[- ]?rate\b",
      r"\boffline (metric|evaluation)s?\b", r"\btoken[- ]level loss"]),
   T("online-metrics", "Online Metrics",
     ["online", "online metric", "business metrics", "online evaluation", "end to end metrics"],
     [r"\bctr\b",
      # a business figure's change with both ends: "if emergency call-ins
      # drop from about 40 a month to under 20" (not a latency's: "from
      # 300 ms to 120 ms")
      r"\b(drops?|dropped|falls?|fell|goes down|went down|rises?|rose|goes up|went up|comes down|come down|came down) from (about |around |roughly |~|over |under )?\d[\d,.]*\s?%?( [\w-]+){0,3} to (under |below |about |around |over |above |at most |at least |~)?\d[\d,.]*(?![\d,.]|\s?(ms|milliseconds?|s|secs?|seconds?|minutes?|mins?)\b)",
      # what is measured once the system is in use: "We will measure success
      # in operation by elective cancellations ...", "tracked in production"
      r"\b(measure|measures|measured|measuring|judge|judged|track|tracked|tracking) (success |it |this |the model |the forecast |the system |the service )?(in operation|in production|in live use|in daily use|once live|after launch|on live traffic)\b",
      # "bad rate in bands 1-3", "12-month loss rate"
      r"(?<=\bbad |\bdefault |\bloss |\bdelinquency |\bcharge-off |\bchargeoff |\bwrite-off |\bwriteoff )\brates?\b",
      # "stockout events per month", "escalations per shift"
      r"\b(events|incidents|stockouts?|outages|complaints|escalations|errors|spend|write-offs?) per (day|week|month|quarter|shift|site|store|branch)\b",
      # "rider complaints tagged 'no bike' per week", "van kilometres per
      # bike moved"
      r"\bcomplaints\b" + GAP + r"{0,40}\bper (day|week|month|quarter|shift|site|store|branch|user|customer|1,?000)\b",
      r"\b(kilometres|kilometers|km|miles|minutes|hours) per ([\w-]+ )?(moved|delivered|picked|served|resolved|handled|shipped|completed)\b",
      # "HR and IT tickets on the covered topics", "the thumbs-up rate"
      r"(?<=\bhr |\bit |\bsupport |\bhelpdesk |\bhelp desk |\bservice desk |\bcustomer service )\btickets\b", r"\bthumbs[- ]?(up|down) (rate|rates|share|ratio)\b",
      # a KPI named as a rate: "walking distance per picked line"
      r"(?<=\bdistance |\btime |\bminutes |\bhours |\bkilometres |\bkilometers |\bkm |\bmiles |\bcost |\bcosts |\berrors |\bwalking |\bsteps |\btouches |\bcalls |\bclicks |\breturns |\bcomplaints |\bcontacts )\bper (picked line|pick|order|line|shift|request|session|visit|trip|delivery|ticket|user|customer|item|station|stop|route|van|truck|vehicle|driver|rider|bike|ride|patient|bed|case|claim|store|site|branch|week|day|month)\b", r"\b(csat|nps)\b", r"\b(support|helpline|help desk|helpdesk|hotline|call[- ]cent(er|re)) (calls|contacts|tickets)\b", r"\b(share|percentage|fraction|proportion) of (the |all |our )?([\w-]+ ){0,2}[\w-]+s\b", r"\b(late|on-time|cancellation|churn|complaint|refund|abandonment|contact|escalation|repeat|reorder|late-order)[- ](order |delivery |purchase )?rates?\b", r"\bticket (volume|rate|count)s?\b", r"\b(resolution|handle|handling|reply|wait|waiting|turnaround|queue) times?\b|\btime (from \w+ )?to (first )?(reply|response|resolution|answer|pickup|close)\b", r"\bclick[- ]through", r"\bconversions?\b", r"\bacceptance rate\b",
      r"\bengagement\b", r"\bretention\b", r"\brevenue\b", r"\bdwell time\b", r"\bwatch time\b",
      r"\btime spent\b", r"\bsession (length|engagement|duration)s?\b", r"\b(dau|mau)\b",
      r"\bbounce rate\b", r"\bonline (metric|evaluation)s?\b", r"\b(a/b|ab) test", r"\btap reduction\b",
      r"\bprevalence\b", r"\b(like|share|hide|report|bookmark|skip|completion)[- ]rate\b",
      # "28-day notification opt-out rate", "opens per send"
      r"\b(opt-?out|unsubscribe|mute|open|reply|no-?show|uninstall)[- ]rates?\b",
      r"(?<=\bopens |\bclicks |\breplies |\bconversions |\borders |\bunsubscribes )\bper (send|email|notification|push|message|impression|recipient)\b",
      r"\buser satisfaction\b", r"\bgmv\b", r"\bsales\b", r"\bbookings?\b",
      r"\bper (1,?000|thousand|million) (users|requests|orders|sessions|impressions|trips|visits|searches)\b",
      r"\bswitchback\b", r"\binterleav(ing|ed) (experiments?|tests?|evaluations?|comparisons?)\b|\b(team[- ]draft|balanced) interleaving\b", r"\bholdouts?\b", r"\bbasis points\b",
      # behaviour on live traffic in plain words: "how often teachers use
      # the level filter and how often they override a level", "the
      # override rate"
      r"\bhow often (\w+ ){0,2}(use|uses|click|clicks|override|overrides|accept|accepts|reject|rejects|open|opens|edit|edits|ignore|ignores|undo|undoes|come back|return)\b",
      r"\b(override|overrides|edit|correction|undo|dismissal|adoption|usage) rates?\b"],
     # a success metric named in the author's words with a target, on a
     # list item or table row of the section: "- Re-route rate below 5%",
     # "| Cargo claims per 1,000 loads | -8% |", "Keying time per note down
     # from ~3 min to under 1 min" are measured in operation when the row
     # names no offline metric (the other topic's patterns), no latency or
     # serving figure and no offline test
     rows={"patterns": [
         # a comparison or a change with a number and a unit
         r"\b(below|under|above|at least|at most|less than|more than|fewer than|no more than|(drops?|falls?|rises?|goes|go|down|up|reduced?|cut|brought|lowered?) to|(reduced?|cut|increased?|improved?|lowered?|raised?|grows?|grow|drops?|falls?) by)\s?[~≈]?\s?[-−+]?[$£€]?\d[\d,.]*\s?(%|percent\b|pp\b|points?\b|minutes?\b|mins?\b|hours?\b|hrs?\b|days?\b|weeks?\b|x\b|×)",
         # a share within or over a bound ("within 5%"), not a duration
         # ("sign-off within 2 weeks of the pilot")
         r"\b(within|over)\s?[~≈]?\s?[-−+]?\d[\d,.]*\s?(%|percent\b|pp\b|points?\b)",
         r"[≥≤<>]=?\s?[-−+]?[$£€]?\d[\d,.]*\s?(%|percent\b|pp\b|points?\b|minutes?\b|mins?\b|hours?\b|days?\b|x\b)",
         # a signed change: "-8%", "+3 pp", "Target: −50%"
         r"(?<![\w.])[-−+]\d[\d,.]*\s?(%|pp\b|points?\b)",
         r"\b\d[\d,.]*\s?%\s(reduction|fewer|less|more|increase|decrease|drop|lift|uplift|improvement|higher|lower|cut|gain)\b",
         # "kWh per cubic metre down 10% over the season", "hours run in
         # marginal conditions down by a third"
         r"\b(down|up)\s?[~≈]?\s?\d[\d,.]*\s?(%|percent\b|pp\b|points?\b)",
         r"\b(down|up|reduced|cut|lowered|raised|increased) by (a |one |two )?(third|thirds|half|quarter|quarters|fifth|tenth)\b"],
          "unless": [
         r"\b(latency|p\d{2}|ms|milliseconds?|seconds?|secs?|response times?|throughput|qps|rps|uptime|availability|error budget)\b",
         r"\b(brier|calibration|validation|test set|held[- ]out|back-?tests?|offline|intervals?|false (positive|negative)s?)\b",
         # "Before launch we check the model against last year's claims:"
         r"\bbefore (launch|go-live|going live|release|rollout|we launch|we ship)\b"]}),
  ]},
 {"id": "architecture", "title": "System Architecture",
  # a box-and-arrow diagram in a code block shows the system's parts
  "diagrams": True,
  "aliases": ["architecture", "high level architecture", "high level design", "system design",
              "architectural components", "architecture overview", "design overview",
              "system overview", "components", "solution architecture", "proposed architecture",
              "technical design", "detailed design", "proposed design", "system components",
              "solution overview", "infrastructure", "serving infrastructure", "infra",
              "approach", "design", "how it works", "proposed solution",
              # "What we propose" (a six-pager's design overview), a KEP's
              # "Proposal"
              "what we propose", "our proposal", "proposal",
              # where it runs: "On the phone", "Server side"
              "on the phone", "on device", "on the device", "on the client",
              # an edge system's serving side is its hardware: "Hardware
              # setup" (cameras, an edge PC, the line's PLC)
              "hardware", "hardware setup",
              "in the app", "server side", "on the server", "client and server",
              # an agent's "Tools and flow"
              "tools and flow", "the flow", "flow", "agent loop",
              "how the agent works", "orchestration",
              # "How it fits together", "How a request flows", "How it ran"
              "how it fits together", "how it all fits together",
              "how the pieces fit together", "how the pieces fit",
              "how everything fits together", "moving parts", "the moving parts",
              "end to end flow", "request flow", "how a request flows",
              "life of a request", "how it runs", "how it ran", "how it will run",
              # "Where it runs", "Where it lives": the system's place
              "where it runs", "where it will run", "where it lives", "where it sits", "where does it sit", "where does it live", "where does it run", "where does it fit",
              "where does it all run", "where does it all live", "where it all runs", "where it all lives",
              # "Where does the model run?" (a FAQ's serving question)
              "where does the model run", "where the model runs", "where does the model live", "where the model lives", "where will the model run",
              # "What happens when someone asks?" (not "What happens when the
              # nomenclature changes?"); "How does it fit into the portal?"
              "what happens when someone", "what happens when a user",
              "what happens when a customer", "what happens when a request",
              "what happens on a request", "what happens at request time",
              "when someone asks", "when a user asks",
              "how does it fit into", "how it fits into", "where it fits",
              # "How it fits at the dock", "How it fits in"
              "how it fits at", "how it fits in", "how it fits",
              "when a request comes in", "when a question comes in",
              "from question to answer", "from request to response",
              "delivery pipeline"],
  "evidence": [r"\barchitecture\b", r"\bcomponents?\b", r"\bmicro-?services?\b", r"\bload[- ]balanc\w*",
              r"\bgateway\b", r"\bqueues?\b|\bmessage queues?\b|\bkafka\b|\bpub/sub\b|\bpubsub\b", r"\b(request|data) (flow|path)\b",
              r"\b(inference|prediction|ranking|embedding|feature|model) (service|server)s?\b", r"\bcach(e|es|ed|ing)\b",
              r"\bkubernetes\b|\bk8s\b|\bcontainers?\b", r"\bdatabases?\b|\bkey[- ]value store\b|\bredis\b|\b(postgres|postgresql|mysql|bigquery|snowflake|redshift|dynamodb|cassandra|mongodb|sqlite)\b",
              r"\bvector (db|database|store|index)\b", r"\bauto-?scal\w*\b|\bhorizontal(ly)? scal\w*\b",
              r"\bupstream\b|\bdownstream\b", r"\bthroughput\b|\bqps\b|\brequests per second\b",
              r"\b(calls?|called|calling|queries|sends? (a )?requests? to)\s+(an? |the )?([\w-]+ ){0,2}(service|endpoint|api|server|backend|scorer|ranker|classifier)\b", r"\b(batch|nightly|daily|hourly|weekly|streaming|scheduled|offline|cron|score|scoring|inference|indexing|ingestion|forecast|forecasting|export|etl) ([\w-]+ )?(jobs?|pipelines?|workers?|dags?)\b", r"\b(online|offline|request|serving|hot|read|write|query|slow|fast|lighter|fallback) paths?\b", r"\bpre-?comput\w*\b", r"\b(asynchronous|synchronous)(ly)?\b", r"\b(pgvector|faiss|pinecone|weaviate|milvus|qdrant|elasticsearch|opensearch|chroma|scann)\b", r"\b(airflow|dagster|prefect|luigi|argo|kubeflow|cron)\b|\bdags?\b", r"\borchestrat(ed|es|ion|or|ors)\b",
              # "the portal reads the published table like any other report"
              r"\b(reads?|reading|queries|query|querying|polls?|polling|pulls?|pulling) (the|a|an|that|this|our|its) ([\w`.-]+ ){0,2}(table|view|feed|topic|stream|replica)\b|(?<=\bpulls the |\bpull the |\bfetches the |\bfetch the )\b(latest|newest) ([\w-]+ )?(run|forecast|scores|predictions|batch|version|file|table)\b|(?<=\boutput |\bforecast |\bforecasts |\bscores |\bpredictions |\bresults )\b(goes|go|lands|land) (to|into)\b", r"\b(writes?|writing|written|publish|publishes|published|publishing|pushes|pushing|stores) ([\w-]+ ){0,3}(to|into|in) (the|a|an) ([\w`.-]+ ){0,2}(table|store|database|db|cache|index|bucket|queue|topic|stream|warehouse|app|portal|dashboard|service|api|screen|window|display|overlay)\b", r"\b(pulls?|reads?|fetches|loads?) ([\w-]+ ){0,6}from (the|a|an) ([\w-]+ ){0,2}(warehouse|lake|database|db|store|table|api|service|queue|stream|bucket)\b", r"\b(gpu|cpu|inference|model|application|web|api|feature|embedding) servers?\b", r"\bbehind (the|a|an) ([\w-]+ )?(api|service|gateway|load balancer|proxy|endpoint)\b", r"(?<=\bat |\bper |\beach |\bevery )\brequest( time)?\b|(?<=\bat )\b(query|inference|serving|read) time\b", r"\bin-process\b|(?<=\bin )\bprocess\b|\bsidecar\b|\bdaemons?\b|\bunix sockets?\b|\bgrpc\b|\bplugins?\b", r"\bservices?\b",
              # "a timeout of 800 ms", "a small worker pool", "the score was
              # written back to the listing record", "an event went onto a queue"
              r"\btimeouts?\b|\btime-outs?\b|\btimed out\b|\btimes out\b", r"\bworkers?\b|\bworker pools?\b",
              # "the scorer is a separate process on the edge box"
              r"\bseparate (process|service|container|binary)\b",
              # where the parts run: "send the result to the co-op backend",
              # "On-device model, bundled with the app, runs offline"
              r"\bback[- ]?ends?\b",
              r"\b(runs?|running|works?|working) (fully |entirely )?(offline|on[- ]device|on the (phone|device|handset|edge|tablet|camera))\b|\bbundled (with|in|into) the (app|apk|binary|firmware|image|client)\b", r"\bedge (box|boxes|device|devices|server|servers|node|nodes|pc|pcs|computer|computers|gpu|gpus)\b",
              # where a site's system keeps and ships its data: "writes ... to
              # local storage", "uploaded nightly to the plant server", "if its
              # heartbeat stops"
              r"\b(local|on-?prem(ises)?|plant|site|shared|network) (storage|servers?|disks?|nas)\b",
              r"\b(uploads?|uploaded|syncs?|synced) ([\w-]+ ){0,4}to the ([\w-]+ )?(server|cloud|bucket|store|backend)\b",
              r"\bheartbeats?\b",
              # a device's system: "Run the classifier on the node's
              # microcontroller", "sends a status field with its hourly
              # uplink", "over LoRaWAN / MQTT to the gateway" (the last
              # item this section has room for: its diagram is the 64th)
              r"\b(microcontrollers?|mcus?|uplinks?|downlinks?|lorawan|mqtt|zigbee|nb-iot)\b",
              # a phone app and its server: "sends the photo to the
              # suggestion API", "POST /suggest", "the on-device list stays on
              # screen if the server call fails", "The phone runs a compact
              # image model"
              r"\b(sends?|sent|posts?|posted|uploads?|uploaded) (the |a |an |each |every |its )?([\w-]+ ){0,2}to (the|an?|our|its) ([\w-]+ ){0,2}(api|service|server|endpoint|backend)s?\b|\b(get|post|put|patch|delete) /[a-z{]",
              r"\bon[- ]device (model|models|classifier|classifiers|list|inference|cache|ranker|scorer|detector|copy|version|fallback)\b|\b(phone|app|device|client|browser|tablet|watch|handset) (runs|calls|queries|caches|keeps)\b|\b(server|api|endpoint|service) (answers|responds|replies|times out|is slow)\b",
              # "run inference on an edge box, not in the data centre"
              r"\b(run|runs|running|ran) (the )?inference (on|in|at)\b", r"\bdata cent(er|re)s?\b",
              # "a consumer on the forum's event stream", "nothing is scored
              # on the request"
              r"\b(consumer|consumers|producer|producers)\b|\bpub-?sub\b|\bsubscrib(es|ed|ing) to\b|\bconsum(es|ed|ing) ([\w-]+ ){0,3}from (the|a|an|its) ([\w-]+ )?(stream|topic|queue|bus|log|feed)s?\b",
              r"\bevent (stream|streams|bus|log|queue|topic)\b",
              r"(?<=\bon the |\bin the )\brequest path\b|(?<=\bon the )\brequest\b",
              r"\b(written|writes?|wrote) (it |them |the [\w-]+ )?back (to|into)\b",
              # "the job runs on Sunday night and writes the suggested moves
              # to a sheet"
              r"\b(job|jobs|pipeline|batch|dag|task) (runs|run|is run|are run|kicks off|starts) (on|every|each|at|nightly|weekly|daily|hourly|once)\b|\b(run|runs|running) the (pipeline|job|jobs|batch|scoring|forecast|model) (every|each|nightly|weekly|daily|hourly|once)\b",
              r"\b(nightly|daily|hourly|weekly|scheduled) batch\b",
              # "the batch server handles about 30 hearings a night"; "our
              # job is triggered by the transcript-ready event"
              r"\bbatch (server|servers|machine|machines|host|hosts|cluster|clusters|box|boxes|workers?)\b",
              r"\b(triggered|kicked off|started|woken) (by|on) (the |an? |each |every )?([\w-]+ ){0,2}(event|events|message|messages|webhook|webhooks|upload|uploads|notification|notifications)\b",
              # "This is a batch system. Nothing calls the model on demand"
              r"\bbatch (system|process|application|service)\b",
              # a platform's parts: "an online store (Redis)", "a registry",
              # "through a Flink job"
              r"\b(online|offline) ([\w-]+ )?stores?\b|\b(feature|model|schema) registry\b|\bregistry where\b",
              r"\b(flink|spark|beam|dataflow|kafka streams|storm)\b",
              # an agent's tools: "the agent has three tools", "tool calls"
              r"\btool (calls?|calling|use)\b|(?<=\btwo |\bthree |\bfour |\bfive |\bsix |\bseveral )\btools\b",
              r"\b(writes?|written|publishes|published|sends?|sent|emails?|emailed|posts?|posted) ([\w-]+ ){0,3}(to|into|in) (a|an|the) ([\w-]+ ){0,2}(sheet|spreadsheet|report|file|inbox|channel|slack channel)\b",
              r"\b(event|events|message|messages|job|jobs|task|tasks) (go|goes|went|is put|are put|is pushed|are pushed|lands?|landed|is sent|are sent) (onto|on|into|in|to) (a|the)\b",
              # "a Databricks job builds the features", "Data Factory pulls
              # nightly": the managed platforms a batch system runs on
              r"\b(databricks|data factory|sagemaker|vertex ai|azure ml|azure machine learning|dataproc|aws glue|step functions|cloud run|cloud functions|azure functions|snowpark)\b"],
  "topics": [
   T("client-logic", "Client-side Logic",
     ["client", "client side", "client logic", "frontend", "input capture", "ui"],
     [r"\bclient([- ]side)?\b", r"\bfront[- ]?end\b", r"\bbrowser\b", r"\bmobile\b",
      r"\bon-device\b|(?<=\bon )\bdevice\b", r"\bkeyboard\b", r"\bui\b", r"\buser interface\b",
      r"\binput capture\b", r"\bapps?\b",
      # "the workstation plug-in panel calls GET /suggestions/..." (not
      # "plug-in" alone: "the OpenSearch LTR plugin" is a server's)
      r"\bwidgets?\b|\bside ?panels?\b|\bsidebars?\b|\bbrowser extensions?\b",
      r"\bpanel (shows|calls|renders|displays|lists)\b"],
     "Input capture, fallback logic"),
   T("inference-api", "Inference API",
     ["api", "inference service", "serving api", "prediction api", "endpoint", "inference", "i/o",
      "ml i/o", "input/output"],
     [r"\bapis?\b", r"\bendpoints?\b", r"\b(grpc|rpc)\b", r"(?-i)\bREST(ful)?\b",
      r"\b(inference|prediction|scoring|ranking) (service|server|api|call|request)s?\b",
      r"\bmodel serv(ice|er|ing)\b", r"\brequests?\b.{0,60}\bresponses?\b",
      r"\binputs?\s*:.{0,120}\boutputs?\s*:", r"\bi/o\s*:",
      r"\breturns?\s+(\w+\s+){0,4}(ranked|sorted|top[- ]?k|list|lists|scores?|probabilit\w*|predictions?|labels?|json|results?|recommendations?|matches|candidates|items|images|documents|replies)\b",
      # "POST /v1/triage with the FNOL id; returns `{lane, p_fraud}`"
      r"(?-i)\b(GET|POST|PUT|PATCH|DELETE) /", r"\breturns?\s+`?\{",
      # "the controller calls `Score(call, candidates[])` and gets back,
      # per candidate car, {...}" (not "get back to it later")
      r"\b(gets|got|getting) back\b(?! to\b| in\b| on\b)"],
     "What is called, what does it return?"),
   T("fallback", "Fallback/Heuristics",
     ["fallback", "fallbacks", "heuristics", "fallback logic", "degradation",
      "graceful degradation", "fallback path", "degraded mode", "degraded operation",
      "degraded behaviour", "degraded behavior", "if scores are missing",
      "when scores are missing", "if the scores are missing", "missing scores",
      "failure handling", "failure behaviour", "failure behavior", "last resort",
      # a subheading that says when: "If the job does not run"
      "if the job fails", "if the job does not run", "if the model is down",
      # "**If it is down.**", "### What if the model is slow or down?",
      # "### When things fail"
      "if it is down", "if it's down", "if it goes down", "when it is down",
      "when it goes down", "if the model is slow or down",
      "if the model is unavailable", "when the model is unavailable",
      "if the service is unavailable", "when things fail", "if things fail",
      "if the service is down", "when the model is down", "when things go wrong",
      "if things go wrong", "if it fails", "when it fails",
      # a design doc's own chapter: "Reliability and fallback"
      "reliability and fallback", "reliability and fallbacks",
      "fallback and reliability", "fallbacks and reliability",
      "resilience and fallback", "resilience and fallbacks",
      "fallback and recovery", "failures and fallback",
      "failures and fallbacks", "failure modes and fallbacks",
      # "##### 3.1.1 When the model cannot help"
      "when the model cannot help", "when the model can't help",
      "if the model cannot help", "if the model can't help",
      "failure modes and fallback", "availability and fallback"],
     # not a picture's or a font's: "episode art (falls back to show art)"
     [r"\bfall(s|ing)?[- ]?backs?\b(?! to (the |a |an )?([\w-]+ )?(art|artwork|image|images|icon|icons|thumbnail|thumbnails|avatar|avatars|font|fonts|logo|cover|colou?r)\b)", r"\bfail[- ]?overs?\b", r"\b(bypass|bypasses|bypassed|skip|skips|skipped) the (model|ranker|classifier|scorer|llm)\b", r"\bdefaults? (back )?to (the )?([\w-]+ )?(list|ranking|rules|order|results|answer|response|model|behaviou?r|experience|feed|estimate|heuristic)s?\b", r"\b(reuses?|re-uses?) (the )?(previous|last|yesterday's|prior|cached|stale|last[- ]known) |\bkeeps? using (the )?(previous|last|old|cached) ", r"\botherwise\b" + GAP + r"{0,60}\b(returns?|serves?|shows?|uses?|keeps?|falls?|reverts?|applies|goes|go|stays?|remains?|passes|is sent|are sent)\b", r"\b(fails?|failed|failing|unavailable|down|throws|crashes|errors out|errors or|is too slow|are too slow|is slow or|are slow or|gets too slow|does not run|did not run|doesn't run|didn't run|slower than|is missing|are missing|is stale|are stale|is delayed|are delayed|lags|lagged|lagging|falls behind|fell behind|backs up|backed up|exceeds (its|the) ([\w-]+ )?(budget|deadline|timeout|time limit)|exceeds \d+ ?(ms|milliseconds?|s|seconds?)|is not ready|are not ready|isn't ready|aren't ready|not (answer|respond|reply)\w*|doesn't (answer|respond|reply)\w*|don't (answer|respond|reply)\w*)\b" + GAP + r"{0,80}\b(returns?|serves?|shows?|uses?|falls?|switch(es)?|reverts?|skips?|keeps?|applies|gets?|receives?|proceeds? with|goes ahead|go ahead|stops? (calling|using|sending)|routes? (all |every |the |them |it |each )|(goes|go|drops|drop|degrades|degrade|is sent|are sent|is routed|are routed|is handed|are handed) (back )?(to|into)|(is|are) (published|posted|shown|served|held|queued|released|approved|let through|created as)|does not wait|doesn't wait)\b", r"\b(hasn't|haven't|hadn't|didn't|has not|have not|had not|did not) (yet )?(finished|finish|completed|complete|succeeded|succeed|landed|land|arrived|arrive|answered|answer|responded|respond|returned|return|run|ran)\b" + GAP + r"{0,80}\b(returns?|serves?|shows?|uses?|falls?|switch(es)?|reverts?|keeps?|applies|reuses?)\b", r"\b(shows?|uses?|serves?|returns?|keeps?|reuses?|applies)\s+(the\s+)?(last|previous|prior) (week|day|night|run|month|hour)'s\b", r"\bcircuit[- ]breakers?\b",
      # "If the nightly run fails, yesterday's scores stay on the board";
      # "if an import fails, the previous import stays in place" (not "the
      # current slotting stays as it is": no output of the model's)
      r"\b(fails?|failed|failing|unavailable|is down|goes down|crashes|does not run|did not run|doesn't run|didn't run|is late|are late|is delayed|are delayed)\b" + GAP + r"{0,80}\b(yesterday's|last night's|last week's|the (previous|last|prior|cached|last[- ]known|last good)) ([\w-]+ ){0,2}(scores?|forecasts?|predictions?|lists?|rankings?|outputs?|results|imports?|models?|numbers|plans?|schedules?|versions?) (simply |just )?(stays?|remains?)\b",
      # what stays when the model's answer does not come: "the on-device
      # list stays on screen if the server call fails or is slow"
      r"\b(stays?|remains?|is kept|are kept) (on screen|on the screen|in place|shown|visible|up)\b" + GAP + r"{0,40}\b(if|when|while|whenever)\b" + GAP + r"{0,60}\b(fails?|failed|is slow|are slow|times? out|timed out|is down|goes down|is offline|is unavailable|does not answer|doesn't answer)\b",
      # the consequence first: "the app shows the old rule (...) if the
      # quote has not arrived within 1 second"
      r"(?<=\bshow the |\bshows the |\buse the |\buses the |\bserve the |\bserves the |\breturn the |\breturns the |\bapply the |\bapplies the )\b(old|previous|rule-based|cached)\b" + GAP + r"{0,60}\b(if|when|whenever) (the |its |a |an )?([\w-]+ ){0,2}(has not|hasn't|is not|isn't|does not|doesn't|did not|didn't|fails|times out|is down|is slow|is unavailable|is missing)\b",
      r"\bgraceful(ly)?[- ]degrad(e|ed|es|ation)\b", r"\bdegrad(e|es|ed|ation)\s+gracefully\b",
      # "the help desk's own rule-based router takes over", "takes over
      # when our machines are down", "if scoring fails, agents route
      # tickets by hand", "the keyword filter stays as a backstop"
      r"(?<=\brouter |\brules |\bsystem |\bprocess |\bteam |\bheuristic |\bfallback |\bservice |\bqueue |\bdesk )\b(takes|took) over\b",
      # "builds the list from the previous rule instead" (not "can roll
      # back to the previous list": a rollback)
      r"(?<=\brule |\brules |\bheuristic |\bheuristics )\binstead\b|(?<=\bfrom the previous |\bfrom the old |\bfrom the existing |\bfrom the legacy |\bto the previous |\bto the old |\bto the existing |\bto the legacy )(?<!back to the previous |back to the old |back to the existing |back to the legacy )\b(rule|rules|heuristic|heuristics|logic|list|ranking|process)\b",
      r"\b(takes|took) over (when|whenever|if|while|until)\b",
      r"\b(fails?|failed|failing|down|offline|unavailable|unreachable|outage|times out|timed out)\b" + GAP + r"{0,140}\b(by hand|manually|manual)\b",
      # no answer from the service, and the client carries on by itself:
      # "If the service does not answer within 2 seconds, or the vessel is
      # in a dead zone, the tablet runs the same engine locally with the
      # cached conditions"
      r"\b(does not answer|doesn't answer|do not answer|don't answer|does not respond|doesn't respond|do not respond|don't respond|no signal|no connection|no network|no connectivity|loses connection|loses signal|dead zone|dead zones|times out|timed out|is unreachable|is offline|goes offline|is down|is unavailable)\b" + GAP + r"{0,160}\b(runs?|run|scores?|score|predicts?|predict|computes?|compute) ([\w-]+ ){0,4}(locally|on the device|on-device|on the tablet|on the phone|offline|from (the |its )?cache|with (the )?cached)\b",
      # "it instead shows the static eco-speed table"
      r"\binstead (shows?|uses?|serves?|returns?|displays?|falls? back to|sends?|prints?) (the |a |an |its |our )?(static|cached|default|fixed|printed|previous|old|standard|last[- ]known|rule-based)\b",
      # "If the booth machine fails, the projector is still driven by the
      # existing surtitle software"
      r"\bstill (driven|run|operated|handled|controlled|served|produced|done) by (the |our )?(existing|current|old|legacy|previous|manual|rule[- ]based)\b",
      r"\bbackstops?\b|\bsafety nets?\b",
      # people go on as before: "If the GPU box is down, the file has no
      # suggestions and the clerk checks it the way they do now", "If a
      # batch hasn't been processed, ... the analyst reviews it the old way";
      # a batch output that did not arrive: "If the sheet has not reached
      # the printer by six, the baker ... carries on as before"
      r"\b(fails?|failed|failing|errors|errors out|is slow|are slow|times out|is down|are down|goes down|unavailable|unreachable|offline|hasn't been processed|has not been processed|haven't been processed|have not been processed|hasn't been scored|has not been scored|has not arrived|has not reached|have not arrived|have not reached|hasn't arrived|hasn't reached|haven't arrived|haven't reached|does not arrive|did not arrive|doesn't arrive|didn't arrive|never arrives|arrives late|is late|are late)\b" + GAP + r"{0,200}\b(the old way|the way (they|we|she|he|it) (do|does|did) (it )?(now|today|before)|as (they|we) (do|did) (now|today|before)|(exactly |just )?as before|(continues?|continue|carries on|carry on|goes on|go on|runs?|work|works|proceeds?|proceed|carries on) (exactly |just )?as (today|now|it does today|they do today))\b",
      # a baseline beside the model: "threshold alarms run independently of
      # the ML path"; "If there is no summary (...), the page shows the
      # existing carousel"
      r"\bindependent(ly)? of the ([\w-]+ ){0,2}(ml|model|models|scorer|ranker|classifier|predictor|ml path|model path)\b",
      r"(?<=\bif |\bwhen )\bthere(?: is|'s|s| are) no ([\w-]+ ){0,2}(scores?|summar(y|ies)|predictions?|forecasts?|recommendations?|answers?|suggestions?|drafts?|rankings?|model outputs?)\b" + GAP + r"{0,120}\b(shows?|uses?|serves?|returns?|falls?|keeps?|displays?|gets?)\b",
      r"\bdefault (model|ranking|response|results?|list)\b",
      r"\b(serv\w*|show\w*|return\w*|recommend\w*|use|uses|using)\s+(the\s+)?(globally\s+|currently\s+)?most[- ]popular\b",
      r"\b(serve|serves|served|serving|return|returns|returning)\s+(a |the )?(cached|stale|default|heuristic|rule[- ]based|popular(ity)?[- ]based|last[- ]known)\b",
      r"\b(heuristic|rule[- ]based|popularity[- ]based|cached|default)\s+(fallback|backup|path|default|results?|responses?|answers?|baseline)s?\b",
      r"\btimed out\b|(?<=\bon |\bafter |\bupon |\bif |\bwhen )\btime[- ]?outs?\b|(?<=\bon a |\bafter a |\bupon a |\bif a |\bwhen a )\btime[- ]?outs?\b",
      r"\b(if|when|whenever|once)\b" + GAP + r"{0,60}\btimes out\b", r"\bbackup (model|path|system|service|ranker|results?)\b",
      r"\blow[- ]confidence\b.{0,80}\b(rout\w*|sent|escalat\w*|defer\w*|human)",
      r"\bescalat(e|es|ed|ing|ion)\b.{0,30}\b(humans?|agents?|reviewers?)\b",
      r"\b(applies|apply|uses|use|routes? to|reverts? to|switch(es)? to) (the )?(legacy|existing|old|previous|static|current) ([\w-]+ )?(rules?|system|model|logic|engine|heuristics?|table|formula|ranking|order|process|plan)\b",
      # "planners continue with the existing time-based plan"
      r"\b(continue|continues|carry on|carries on|go back|goes back|revert|reverts) (with|to) (the )?(existing|current|old|previous|manual|legacy|usual|static)\b",
      r"\bfail(s|ing)?[- ](open|closed|safe)\b", r"\blast resort\b",
      # "If the scorer can't score in time, the message is delivered with no
      # action and re-scored afterwards"
      # (from the "if": the "can't" would negate a match that starts after it)
      r"\b(if|when|whenever) the (model|scorer|ranker|classifier|service|predictor|llm|endpoint|api|detector) (can't|cannot|can not|doesn't|does not|fails to|isn't able to|is not able to) (score|answer|respond|return|reply|predict|classify|decide) (in time|within|before|fast enough)\b",
      # what users still get when the model's part fails: "the transcript is still shown"
      r"(?<=\bis |\bare |\bremains |\bremain |\bstays |\bstay )\bstill (shown|served|available|returned|displayed|usable)\b",
      r"\b(shows?|displays?|renders?)\s+(nothing|no\s+(suggestions?|results?|recommendations?|predictions?|completions?|ads?))\b",
      r"\b(slower|late|too slow)\b" + GAP + r"{0,40}\b(discard(s|ed)?|dropp(ed|s)?|ignored)\b",
      # "if the model service is down, reviews publish normally and are
      # scored later by the nightly batch"
      r"\b(down|unavailable|fails|failed|times out|timed out)\b" + GAP + r"{0,80}\b(normally|as usual|unscored|unchecked|scored later|checked later|unflagged|untagged|unranked|unfiltered|unlabell?ed|as today|as it does today|(goes|go|passes|pass) through)\b",
      # the old way as the way back: "if the call times out ... the claim
      # is placed in the STANDARD lane, exactly as today"; "listings went
      # into search without a score and were treated as neutral"
      # (found at "today", after the verb of what happens: a pattern
      # opening with "if" would be tried at every "if")
      r"(?<=\bworks as |\bwork as |\btypes as |\btype as |\bgoes as |\bgo as |\bruns as |\brun as |\bproceeds as |\bcontinues as |\bhandled as |\bhandles as |\bstays as |\bis done as )\b(today|usual)\b",
      r"\btreated as (neutral|unscored|default|unknown)\b",
      r"\bwithout (a |the |any )?(score|scores|prediction|predictions|suggestion|suggestions|ranking)\b(?! (of|for|from)\b)"],
     "On-device logic, cache, rule-based logic"),
  ]},
 {"id": "data", "title": "Data and Labeling",
  "aliases": ["data", "data and labels", "data labeling", "labeling", "labelling", "labels",
              "data collection", "data collection and preparation", "data preparation",
              "training data", "datasets", "dataset", "data pipeline", "data sources",
              "corpus", "document corpus", "knowledge base", "data ingestion",
              "document ingestion",
              # "Records we learn from", "What the model learns from",
              # "Where the data comes from"
              "we learn from", "it learns from", "the model learns from",
              # "What it would learn from", "What the model will learn from"
              "learn from", "learns from",
              "where the data comes from", "where training data comes from", "where the training data comes from", "where training images come from", "where the images come from", "where does the data come from",
              "where data comes from",
              # "Where do answers come from?" (a retrieval design's corpus)
              "where do answers come from", "where the answers come from",
              "what it knows", "knowledge sources", "knowledge source"],
  # "Where training images come from: ... ~55k images"
  "evidence": [r"\btraining (data|set|examples|images|photos|samples|corpus|records|clips|audio|recordings|videos|documents|text|rows)\b", r"\bcrawl(s|ed|er|ers|ing)?\b|\bscrap(e|ed|es|ing)\b",
               # a list of sources by label: "**LIMS germination records**:",
               # "- Storage history:", "**Weather feed:**"
               r"\b(records|data|history|logs|tables|exports?|readings|feeds?|extracts?|dumps?|sources?)( available| we have| sources?)?(\*\*|__)?\s*:(?!\s*$)",
               # "Data access. Gong export API gives transcripts", "Joined on
               # Gong's crm_opportunity_id, 87% match"
               r"\bdata access\b", r"\bexport(ed)? (api|apis|files?|jobs?|dumps?)\b",
               # "I exported 350 tickets that had the tag and 350 random email
               # tickets from the last 6 months"
               r"\b(exported|pulled|sampled|downloaded|collected) \d[\d,.]*k? ([\w-]+ ){0,2}(tickets|records|rows|calls|emails|messages|orders|claims|transcripts|documents|images|photos|events|sessions|examples)\b",
               r"(?<=\bfrom the )\b(last|past) \d+ (days|weeks|months|years)\b", r"\bjoined (on|with) (the |their |its )?[\w`'.-]+\b",
               # cleaning the history: "we drop weeks where a chapter
               # recorded attendance for fewer than half of its shifts"
               r"\b(drop|drops|dropped|exclude|excludes|excluded|discard|discards|discarded)\b ([\w-]+ ){0,2}(weeks|days|months|rows|records|examples|samples|sessions|users|accounts|stores|sites|periods) (where|with|that|whose|in which)\b",
              r"(?<=\dk |\dm |\d k |\d m |thousand |million )\b(images|photos|samples|clips|recordings|documents|examples|rows|records|transcripts|tickets|messages|calls|hours of audio|appointments|bookings|orders|claims|visits|trips|transactions|invoices|loans|shipments|sessions|events|reviews|ratings|cases)\b",
              # labelled by hand: "Editorial has tagged about 40,000 tracks"
              r"\b(tagged|labell?ed|annotated|transcribed|hand-labell?ed) (about |around |roughly |some |over |more than |nearly )?\d[\d,.]*k? ([\w-]+ ){0,2}[\w-]+s\b",
              # what the history covers: "every outpatient appointment since
              # April 2020", "claims since 2019"
              r"\b(every|each|all) ([\w-]+ ){0,2}[\w-]+ since ((jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* )?(19|20)\d\d\b",
              # a class of rows left out: "Appointments cancelled by the
              # hospital are excluded"
              r"\b(are|were) (then |also )?(excluded|discarded|filtered out|left out)\b(?! from (the |this |our )?(call|list|queue|results|ranking|shortlist|batch|send|feed|page))",
              r"\bchunk(s|ed|ing)?\b.{0,60}\b(tokens?|overlap|embedd\w*|index\w*)\b",
              r"\b(split|splits|chunked|cut|divided) into (passages|chunks|segments|pieces|windows)\b",
              # "daily snapshots ..., point-in-time correct for training"
              r"\bpoint[- ]in[- ]time\b|\b(daily|nightly|weekly|hourly) snapshots?\b",
              r"\b(golden|evaluation|eval|test|held[- ]out)\s+(set|questions|queries|dataset)s?\b", r"\bdatasets?\b", r"\bdata (collection|pipeline|quality|cleaning|preparation|volume|schema)\b",
              r"\b(train|training|validation|test|eval)[-/ ](split|set)s?\b", r"\bschema\b", r"\betl\b", r"\bingest(ion|ed)?\b",
              r"\bsampl(e|es|ed|ing)\b", r"\bpii\b|\bretention period\b", r"\bbackfill\w*\b",
              r"\b(months|weeks|years|days|terms|seasons|quarters|semesters) of (historical |past |archived )?([\w-]+ ){0,2}([\w-]+s|history|data)\b",
              # "ERP application history, 30 months: every payment with ..."
              r"\b(history|logs?|records|archive)\s*[,(:]\s*(the )?(last |past )?(\d+|two|three|four|five|six|seven|eight|nine|ten|twelve|eighteen|twenty-four|thirty-six) (months|years|weeks|days|seasons|terms)\b",
              r"\btargets? (are|is|come|comes)\b", r"\b(dropped|removed|excluded|filtered) from (the )?(training|data)\b",
              r"\btrain(s|ed|ing)? on\b",
              # cleaning and weighting: "after removing obvious errors", "we
              # weight yield-monitor fields 2x in training", "about 31,000
              # field-seasons from 2017 to 2023"
              r"\b(remov|drop|discard|filter|clean|strip|dedup)\w* (out )?(the |any |all )?(obvious |clear |implausible |invalid |duplicate |bad |corrupt |erroneous |known )?(errors|outliers|duplicates|typos|glitches|gaps)\b",
              r"\b(used|weighted|weight|weights|kept|included|excluded|dropped|upweighted|downweighted)\b ([\w-]+ ){0,3}(\d+(\.\d+)?\s?[×x] )?in training\b",
              r"\b(from|between) (19|20)\d\d (to|and|through|until|-|–) (19|20)\d\d\b",
              # where data lands and what kind it is: "a historian", "the
              # landing zone", "10-minute operating data", "we receive a
              # spectrum snapshot per sensor every 6 hours"
              r"\b(historians?|landing zones?|lakehouse|staging area|bronze (layer|tables?))\b|(?<=\bdata )\blakes?\b|(?<=\braw )\bzone\b",
              r"\b(operating|operational|sensor|telemetry|machine|billing|claims|shipment|meter|metering) data\b",
              r"(?<=\bwe )\b(receive|ingest|collect|pull|get|capture) (a |an |the |one )?([\w-]+ ){0,4}(every|each|per|daily|hourly|nightly)\b",
              # search relevance labels: "relevance judgements", graded
              # query-article pairs, position bias in clicks
              r"\b(relevance judge?ments?|judge?ments?)\b", r"\bposition[- ]bias\b",
              # how the label is defined: "The label is whether the first
              # attempt is correct", "counts as a positive", "labels come
              # from the graders' decisions"
              r"\b(the|our) label (is|was|will be) (whether|if|1|one|the|a|an)\b|\b(the|our) target (is|was|will be) (whether|if|1|one)\b",
              r"\b(positives|negatives) are (defined|labell?ed|taken|marked)\b",
              r"\b(our|the|training|ground-truth|ground truth) (labels?|targets?) (come|comes|came|are taken|is taken) from\b",
              r"(?<=million |thousand )\b(events|attempts|answers|interactions|pings|readings)\b",

              r"\b(query|query-article|query-document|query-item|query-product|user-item|question-answer) pairs\b",
              # where it comes from: "from the weather vendor's API"
              r"\bfrom (the|a|an|our|their) ([\w'-]+ ){0,3}(api|feed|warehouse|lake|database|db|logs?|stream|bucket|export|crm|erp|topic)s?\b"],
  "topics": [
   T("data-sources", "Data Sources",
     ["sources", "data collection", "datasets", "dataset", "available data",
      "what we have", "data we have", "data we need", "data we'll need",
      # "## What we've got" over the sources
      "what we've got", "what we have got", "data we've got"],
     [# "TOS container history (2019 onwards)", "from the manifest", "the
      # truck appointment system", "a customs status feed"
      r"\b(19|20)\d\d onwards\b|(?<=\bfrom the |\bfrom our |\bfrom their )\b(manifests?|ledger|registry|register|catalog|catalogue)\b",
      r"(?<=\bappointment |\bbooking |\bticketing |\bdispatch |\bscheduling |\bordering |\breservation |\bpoint of sale |\bcase management |\bpractice management |\bclaims )\bsystems?\b|(?<=\bstatus |\bevent |\bevents |\bcustoms |\bpartner |\bsupplier )\bfeeds?\b",
      # "Work orders: job type, date ...", "the GIS asset register"
      r"(?<=\bwork )\borders?\b|\bwork-orders?\b|\basset (register|registry|database|inventory)\b|\bgis\b",
      # "a low-cost sensor network ... reporting every 2 minutes through the
      # vendor's API"
      r"\bsensor (network|networks|readings?|arrays?)\b|\breport(s|ing)? every\b",
      # "photographed every 10 min for 6 weeks"
      r"\b(photographed|recorded|filmed|captured|scanned|sampled) (every|each|at|from|in|over|for)\b",
      r"\bdata ?sources?\b",
      # "information already in the booking system and the app"; "the
      # scoring population and inputs come from fp.shift_features_daily"
      r"\b(information|data|records|history|histories|logs)\b" + GAP + r"{0,30}\b(in|from) (the|our) ([\w-]+ ){0,2}(system|systems|app|apps|platform|crm|erp|database|warehouse|tool)\b",
      r"\b(inputs|population|records|rows|examples)\b" + GAP + r"{0,30}\bcomes? from\b",
      # terse notes: "orders (2y)", "email sends/opens/clicks"
      r"\b(orders|purchases|transactions|clicks|opens|sends|sessions|searches|bookings|visits|impressions|views|ratings|reviews|logins|calls|tickets|claims|trips)\s*\(\d+\s*(y|yr|yrs|years?|m|mo|months?|w|wk|weeks?|d|days?)\)",
      r"(?<=\bemail |\bpush |\bapp |\bweb |\bsearch |\border |\bpurchase |\bclick |\bbrowse |\bbrowsing |\bnotification )\b(sends|opens|clicks|events|logs|history)\b",
      # "line items from the finance system": a named business system
      r"(?<=\bfrom the |\bfrom our |\bfrom their )\b(finance|financial|billing|booking|bookings|ticketing|order|ordering|payment|payments|inventory|crm|erp|hr|accounting|circulation|claims|policy|support|point-of-sale|pos|ledger|scheduling|dispatch|loyalty) (system|systems|platform|database|tool|app|service)\b",
      # "loan history from the circulation system", "records since 2019"
      r"\b(history|histories|records|logs|events|snapshots?|exports?|tables?|extracts?|manifests|readings|scans|ratings|reviews|answers|responses|orders|tickets|transactions|clicks|messages|photos|images|calls|visits|bookings) (come |comes |pulled |taken |exported )?from (the|our|their|a|an) ([\w'-]+ ){0,3}(system|platform|service|app|tool|database|warehouse|crm|erp|portal|controller|device|sensor|scanner|terminal|centre|center|station|machine|gateway|meter)s?\b",
      r"(?<=\d )\b(months|years|weeks) of (history|historical data|data|logs|records|sign-?ups|orders|transactions|bookings|claims|tickets|readings|sessions)\b", r"\b(records|history|data|logs|loans|orders|claims|tickets|transactions|visits|trips|calls|invoices|sessions|events) since (19|20)\d\d\b",
      r"\b(search|user|browsing|listening|viewing|shopping|app|chat|support|web|login) sessions\b", r"\bchange (feed|stream|log|data capture)s?\b|\bcdc\b", r"\b(months|weeks|years|days|terms|seasons|quarters|semesters) of (historical |past |archived )?([\w-]+ ){0,2}([\w-]+s|history|data)\b", r"\b(user|interaction|click|event|query|search|impression|activity|server|app|usage)\s+logs?\b",
      r"\blog(s|ged|ging)\b", r"\bmetadata\b", r"\bdatasets?\b", r"\bwarehouse\b", r"\bdata lake\b",
      # "**Solve telemetry** from the app: ... About 180 million solve
      # sessions."
      r"\btelemetry\b", r"\b(million|thousand|billion) [\w-]+ (sessions|events|records|readings|plays|visits|transactions)\b",
      # "Gate check-in log", "TMS appointment records", "a traffic-speed
      # feed", "telematics pings", "GPS traces"
      r"(?<=\bgate |\baccess |\bcall |\breminder |\bsms |\bnotification |\bevent |\baudit |\bsensor |\bscan |\bcheck-in |\bcheckin |\bwork-order |\bmaintenance |\bshipping |\bdelivery |\btrip |\bactivity |\btransaction |\bdispatch |\bbooking |\border |\balarm |\bfault |\bincident )\blogs?\b",
      r"(?<=\bappointment |\bbooking |\border |\bshipment |\bmaintenance |\bwork-order |\bpatient |\bclaim |\bclaims |\bpolicy |\bcustomer |\baccount |\bsales |\bpayment |\bbilling |\bmedical |\bcall |\bcase |\bservice |\binventory |\bemployee |\bstudent |\bloan |\btransaction |\bvisit |\bdelivery |\bdispatch |\bincident |\brepair |\bwarranty )\brecords\b",
      r"(?<=\bdata |\btraffic |\btraffic-speed |\bweather |\bmarket |\bprice |\bpricing |\bnews |\bpartner |\bvendor |\bthird-party |\bexternal |\bgps |\btelematics |\bsatellite |\bsensor |\brss |\btariff )\bfeeds?\b",
      r"\btelematics\b|\bgps (pings?|traces?|points?|data|tracks?|positions?)\b|\bscada\b",
      r"\bhistorical\b.{0,30}\bdata\b", r"\binteractions?\b", r"\bprofiles?\b",
      r"\bcollect(s|ed|ing|ion)?\b",
      r"\b(annotated|labell?ed|provided|public|proprietary|in-house|existing)\s+(data|dataset|corpus|videos|images)\b",
      r"\b(payment|chargeback|user|click|order|transaction|usage|audit|sales|event|fraud|customer|product|server|search|clickstream)s?\s+(events|transactions|records|reports|tables|feeds?|streams?|exports?|data|histor(y|ies))\b",
      r"\bcorp(us|ora)\b", r"\b(ticket|order|purchase|search|watch|chat|support|call|transaction|browsing|appointment|booking|payment|claims?|maintenance|repair|service|loan|credit|patient|shipment|delivery|account|employment|top-up|recharge|usage|billing|viewing|listening|rental|borrowing|subscription) histor(y|ies)\b",
      # a telecom's "Call detail records", "CDRs"
      r"\bcall detail records?\b|\bcdrs?\b",
      # a table of sources ("| source | what we take | refresh |"), a
      # catalogue, a bought feed
      r"(?<=\| )\bsources?(?= +\|)", r"\bcatalog(ue)?s?\b",
      # "3.1 million receipt images in storage from the last 2 years"
      r"\bfrom the (last|past) \d+ (years?|months?|weeks?)\b", r"\bin (our |the )?(storage|archive|bucket|data lake|lakehouse)\b",
      # "We pull from four places: MLS feeds, a licensed bulk file, ..."
      r"\b(pull|pulls|pulled|draw|draws|drew|ingest|ingests|ingested) (data |it |everything )?from\b",
      r"\b(data|listing|listings|partner|vendor|wire|mls|market|price|product|news) feeds?\b",
      r"\b(licensed|third[- ]party|vendor|external|partner) (feeds?|data|datasets?|apis?)\b",
      r"\bcrawl(s|ed|er|ers|ing)?\b", r"\b(wiki|knowledge base|help cent(er|re))\b", r"\bfrom (the|a|an|our|their) ([\w'-]+ ){0,3}(api|feed|warehouse|lake|database|db|logs?|stream|bucket|export|crm|erp|topic)s?\b",
      # a retrieval design's corpus: "the intranet's policy pages, exported
      # every night"
      r"\b(intranet|confluence|sharepoint|notion|google drive)\b|\b(policy|help|support|product|documentation|docs) (pages|articles|documents)\b",
      r"\bexported (every|each|nightly|daily|weekly|hourly)\b",
      # "sign-in sheets, typed into a Google Sheet by our secretary"
      r"\b(typed|entered|copied|recorded|kept|logged|collected) (in|into) (a |the |our |their )?([\w'-]+ )?(google sheets?|spreadsheets?|excel (file|sheet|workbook)s?|shared sheets?)\b",
      # "61,000 clips from the park's survey days", "photos from the co-op's
      # field trials"
      r"\b(clips|recordings|photos|images|transcripts|scans|videos|audio files|samples|examples|tickets|emails|messages|records|rows) (taken |collected |recorded |gathered )?from (the|our|their|a|an|\d+)\b",
      # what people send in: "harvest declarations that farmers submit",
      # "the forms clinics fill in", "monitor files from combine harvesters"
      r"\b(declarations|reports|forms|submissions|surveys|returns|filings|uploads|questionnaires|logbooks|diaries) (that |which )?(the )?([\w-]+ ){0,2}(submit|submits|submitted|file|files|filed|upload|uploads|uploaded|share|shares|shared|send|sends|sent|fill in|fills in|fill out|fills out|complete|completes|completed|keep|keeps)\b",
      r"\b(files|exports|readings|logs|records|traces) from ([\w-]+ ){0,2}(harvesters|machines|devices|sensors|meters|vehicles|trucks|tractors|cameras|scanners|terminals|turbines|pumps|controllers|loggers|trackers)\b"],
     "User logs, content data, metadata, feedback"),
   T("label-strategy", "Label Strategy",
     ["labels", "labeling", "labelling", "labeling strategy", "label", "ground truth",
      "annotation", "annotations", "training labels", "target definition", "prediction target",
      "training target", "target variable",
      # a question heading over the target's definition: "What exactly is
      # the model predicting?"
      "what is the model predicting", "what exactly is the model predicting",
      "what are we predicting", "what exactly are we predicting",
      "what does the model predict", "what exactly does the model predict",
      # "## 2.2 What exactly we forecast" over the target's definition
      "what exactly we forecast", "what exactly we predict",
      "what exactly are we forecasting",
      # a run-in label over it: "**How the target is defined.**"
      "how the target is defined", "how the label is defined",
      "how the outcome is defined", "how we define the target",
      "how we define the label", "how we define the outcome"],
     [# an interview's question with its answer after it ("**Ana:** And
      # what exactly is the model trying to predict?" over "**Priya:** The
      # final sale price, ..."); a question left open counts for nothing
      r"\bwhat (exactly )?(is|are|does|do|will) (the model|the models|we|it) (trying to |going to |be )?(predict|predicting|forecast|forecasting|estimate|estimating)\b",
      # "What counts as a no-show." over its definition
      r"\bwhat counts as an? [\w-]+\b(?! (success|a success|win|good|done)\b)",
      # "The thing we're predicting is the number of ticks per part"
      r"\b(the thing|what) (we're|we are|we'll be|we will be|the model is) (predicting|forecasting|estimating) (is|are)\b",
      # "the target for training is the corrected sensor reading", "before
      # they become targets", "used as targets too"
      r"\btargets? for training\b|\btraining targets?\b|(?<=\bbecome |\bbecomes |\bused as |\bserve as |\bserves as |\bbecome the |\bbecomes the |\bused as the |\bserve as the |\bserves as the )\b(targets?|labels?)\b",
      # a forecast's target is what was measured: "The forecast target is
      # measured NH4-N load", "the label is the observed demand"
      r"\b(target|label)s? (is|are|was|were|will be) (the )?(measured|observed|actual|realised|realized|recorded|metered)\b",
      # "trained on ... together with the queue each item finally ended up
      # in. We used the final queue rather than the first one"
      r"\btogether with (the|its|their) ([\w-]+ ){0,2}(queue|category|class|outcome|decision|status|label|code|result)s? (each|every|it|they|that)\b",
      r"(?<=\bused the )\b(final|first|last|actual|eventual|resolved|corrected) (queue|category|class|outcome|decision|status|label|code)\b",
      # (not a parcel's, a product's or a button's: "Return label / drop-off
      # points", "the price label", "the axis label")
      r"(?<!\breturn )(?<!\bshipping )(?<!\bpostage )(?<!\baddress )(?<!\bprice )(?<!\bbutton )(?<!\baxis )(?<!\bprinted )(?<!\bproduct )(?<!\bcare )(?<!\bwhite )(?<!\brecord )\blabel(s|ed|led|ing|ling)?\b(?! (printer|printers|printing|stock|paper|maker|makers) )", r"\bcensor(ed|ing|s)?\b", r"\brelevance judge?ments?\b|\bgraded relevance\b",
      r"\b(derive|derived|derives|deriving|infer|inferred|infers|inferring) (graded |implicit )?(labels?|relevance|targets?|judge?ments?) from\b",
      r"\b(graded|grades|rated|rates|judged|judges) (\d[\d,]* )?([\w-]+ ){0,2}(pairs|examples|queries|results|answers|responses)\b", r"\b(treat|treats|treated|count|counts|counted) (\w+ ){0,2}(sales|clicks|purchases|orders|returns|outcomes|days|rows|sessions) as\b", r"\bgold(en)? (replies|answers|labels|set|standard|data)\b", r"\b(agent|human|expert|analyst|reviewer)[- ]written\b", r"\bannotat(e|ed|ion|ions|ors?)\b", r"\bground[- ]truth\b",
      r"\b(positive|negative) (examples?|samples?|labels?|class)\b",
      r"\b(implicit|explicit) feedback\b", r"\bweak(ly)? supervis(ion|ed)\b",
      r"\bhuman (raters?|reviewers?)\b", r"\btarget variable\b",
      r"\b(counts as|labell?ed as|treated as) an? (positive|negative)\b|\b(treat|treats|count|counts|mark|marks|label|labels)\b ([\w'-]+ ){1,4}as an? (positive|negative)\b|(?<=\bis a |\bis an |\bis the )\b(positive|negative)\b", r"\b(counts?|counted|considered|treated|marked) as (relevant|irrelevant|positive|negative|fraud|fraudulent|spam|legitimate|a (positive|negative|match|hit|success|conversion))\b", r"\b(positives|negatives) are\b",
      # "A positive is an account that bought seats within 90 days"
      r"(?<!\bfalse )(?<!\btrue )\b(positive|negative) (is|means)\b", r"(?<=\bare )\b(positives|negatives)\b|(?<=\bare the )\b(positives|negatives)\b", r"\b(positives?|negatives?)\s*[:=]",
      r"\b(answered|labell?ed|annotated|judged|rated|graded|written) by (hand|humans?|annotators|raters|experts|reviewers)\b",
      # "each checked by two birders", "confirmed by the regional lab"
      r"\b(checked|verified|confirmed|reviewed|labell?ed|tagged|graded|double-checked) by (two|three|\d+|an?|the) ([\w-]+ )?(birders|experts|annotators|reviewers|agronomists|clinicians|doctors|nurses|radiologists|pathologists|analysts|specialists|raters|moderators|editors|linguists|lawyers|inspectors|engineers|technicians|lab|labs|laborator(y|ies))\b",
      # "each with the answer an HR partner wrote"
      r"\b(answer|answers|label|labels|reply|replies|summary|summaries) (an? |the )?([\w-]+ )?(partner|expert|agent|reviewer|analyst|specialist|doctor|nurse|coordinator|lawyer|moderator|editor)s? (wrote|writes|gave|gives|chose|picked|marked)\b",
      # "target = days between consecutive orders", "label: chargeback
      # within 60 days"
      r"\b(target|label|labels|outcome|y_true)\s*(=|:)\s",
      # "Outcome definition (agreed with Patient Access):" over it (not "the
      # target definition and the cleaning rules" in a list of what stays)
      r"\b(outcome|label|target|positive class) definitions?\s*(\([^)\n]{0,60}\))?\s*:",
      # "41,000 pairs they marked as duplicates", "moderator decisions from
      # the last 18 months"
      r"\bmarked (them )?as (duplicates?|spam|fraud|fraudulent|fake|relevant|irrelevant|positive|negative|correct|incorrect|wrong|bad|good|toxic|safe|unsafe|urgent|resolved)\b",
      r"\b(moderator|moderation|reviewer|analyst|agent|annotator|expert|human|clinician|auditor) (decisions|labels|judgements|judgments|verdicts|ratings|outcomes|corrections)\b",
      # "the 30,000 reviews the trust team judged last year, fake or honest"
      r"(?<=\bteam |\bteams |\banalysts |\breviewers |\bmoderators |\bagents |\bexperts |\bcoordinators |\bannotators |\bclinicians |\bnurses |\bdoctors |\bauditors )\b(judged|labell?ed|annotated|tagged|rated|graded)\b",
      # what the target is: "the outcome as defined above", "Defining the
      # label", "11% positive"
      r"\b(outcomes?|targets?|labels?|positives?|negatives?) (is |are )?(as )?defined (as|above|below|by)\b",
      # "the target is 1 if the germination rate fell below 85% of ...",
      # "label = 1 when the loan defaulted"
      r"\b(target|label|outcome)s? (is|=|equals) (1|0|one|zero|true|false|positive|negative) (if|when|for)\b",
      # "**How the target is defined.** A visit is a no-show if ..."
      r"\bhow (the |a |an |each |our )?(targets?|labels?|outcomes?|positives?|negatives?) (is|are|was|were|gets|get) (defined|derived|computed|built|constructed)\b",
      r"\bdefin(e|es|ing) (the |a |an |what counts as )?(labels?|targets?|outcomes?|positives?|negatives?|ground truth)\b",
      r"(?<=% )\b(positives?|negatives?)\b|(?<=% are )\b(positives?|negatives?)\b",
      # "The target is the number of pick lines per SKU", "**Target.** Net
      # active power per substation"; under Data only (elsewhere "the
      # target is p99 < 200 ms")
      # "What we predict is the net flow of bikes per station"
      r"\bwhat (we|the model|it) (predict|predicts|forecast|forecasts|estimate|estimates|learn|learns|score|scores) (is|are)\b"],
     "Clicks, purchases, next-token, engagement window",
     local=[r"(?<=\bthe )\btargets? (is|are) (simply |just |then |always |here )?(the|a|an|each|every|whether|how|what|net|total)\b|\btargets?[.:]?\*\*\s",
      # "The target is simple and needs no labelling effort: the number of
      # boxes ...", "The target is **demand**, not shipments", "The sale
      # price is the target; ..."
      r"(?<=\bthe )\btargets? (is|are) (simple|straightforward|easy to (define|state|compute))\b|(?<=\bthe )\btargets? (is|are) (\*\*|__)\w",
      r"\b(is|are) (the|our) (training |prediction |model's |regression )?targets?\s*[;,.:(]",
]),
   T("augmentation", "Augmentation",
     ["data augmentation", "noisy data", "data quality", "data cleaning", "data preprocessing", "sampling",
      "class imbalance", "imbalanced data", "negative sampling"],
     [r"\baugment(ation|ed|ing)?\b", r"\b(drop|drops|dropped|remove|removes|removed|exclude|excludes|excluded|discard|discards|discarded|filter out|filters out|filtered out)\b.{0,40}\b(tickets|examples|rows|records|samples|duplicates|outliers|items|orders|events|messages|sessions|documents|images)\b", r"\bnois(y|e)\b", r"\bsynthetic\b", r"\bsimulat(ion|ed|e)\b",
      r"\b(down|up|over|under|negative)[- ]?sampl(e|es|ed|ing)\b", r"\bclean(ing|ed)?\b",
      r"\bimbalanc(e|ed)\b", r"\bpartial examples\b", r"\bdedup"],
     "Noisy data handling, partial examples, simulation"),
  ]},
 {"id": "features", "title": "Features",
  "aliases": ["feature engineering", "feature design", "feature selection", "feature set",
              "feature extraction", "feature representation",
              # how they are computed: "### 6.3 Feature pipeline"
              "feature pipeline", "feature computation", "feature generation", "signals",
              "inputs", "model inputs", "input features", "input signals",
              # an epic's "- Input text: subject + first message, ..."
              "input text", "input fields", "input variables",
              "what the model looks at", "what the model sees",
              # the model by its kind: "What the network looks at"
              # (not "the classifier", "the ranker": a heading's words are
              # the pack's vocabulary, and "A CNN classifier." under Model
              # Design would then be template words only)
              "what the network looks at", "what the network sees",
              # "Which signals matter?"
              "which signals matter", "what signals matter",
              "signals that matter", "which inputs matter",
              "what inputs matter",
              # the question's own word order: "What does the model see?",
              # "What does the model get to see?"
              "what does the model see", "what does the model look at",
              "what it looks at",
              # a Q&A's "What information does it look at?"
              "what information does it look at", "what information does it use",
              "what does it look at", "what does it use to decide",
              "what does the model get to see", "what the model gets to see",
              # an LLM agent's inputs: "What the agent sees"
              "what the agent sees", "what the agent gets to see",
              "what does the agent see",
              # "Signals the model sees", "Inputs the model looks at"
              "the model sees", "the model looks at",
              # "What goes into the model?", "What do we feed it?"
              "what goes into the model", "what goes in", "what we feed it",
              "what do we feed it", "what we feed the model", "what do we feed the model",
              # a statistician's words: "Rating factors", "Predictors", "Covariates"
              "rating factors", "predictors", "covariates",
              "explanatory variables", "predictor variables"],
  # "feature flag", "feature request", "feature freeze": product, not ML
  # "What goes into the model, beyond the history of the item itself ...
  # Recent usage at several windows (7, 28, 91 days) ... Day of week ...
  # a leading indicator"
  "evidence": [r"(?<=\bwhat )\bgoes into the model\b|(?<=\bthe )\bmodel (sees|gets|takes in)\b",
              # an LLM's context: "Each LLM call gets: the system prompt,
              # the form state, the last 8 turns ...", "the agent is given"
              r"\b(each|every) (llm |model |agent |api )?(call|request|prompt|turn) (gets|receives|includes|contains|is given|carries)\b|(?<=\bthe )\b(llm|agent|model|classifier|scorer) (is given|receives|is fed|is passed)\b",
              # a list of inputs after a colon: "What goes into the model,
              # more or less: trees in the block, the fruitlet count, ...",
              # "Features beyond the image are deliberately few: NIR class
              # probabilities, item area, and belt position"
              r"\b(features?|inputs?|signals?|predictors?|goes into the model|call gets|call receives|call includes|request gets|request includes|prompt gets|prompt includes|turn gets)\b[^.:\n]{0,40}:\s*" + GAP + r"{1,60}," + GAP + r"{1,60},",
              # "the essay text (tokenised, up to 1,024 tokens)", "simple
              # counts: words, paragraphs", "mean sentence length"
              r"\btokeni[sz](e|ed|er)\b|\bcounts\s*:|\b(mean|average|median) ([\w-]+ )?(length|count|rate|frequency|duration)\b",
              # "rolling means and slopes over 1, 7 and 30 days", "the number
              # of days since the last service", "Farm-level context"
              r"\brolling (means?|averages?|sums?|counts?|max(ima)?|min(ima)?|std|medians?|slopes?)\b",
              # a time series' features: "cumulative rainfall", "lagged
              # demand", "static: soil properties, field area"
              r"\bcumulative (?!(gains?|regret|distribution|density|probability|returns?|loss|cost|costs|impact|effects?|windows?|metrics?|totals?|sums?|percent(age)?s?|shares?|views?|results?|lift|uplift)\b)[\w-]+\b",
              r"\blag(s|ged)? ?(\d+|features?|values?|demand|sales|load|terms?|variables?)\b|\blagged\b",
              r"\b(static|dynamic|time[- ]varying|engineered|hand[- ]crafted) (features?|inputs?|attributes?|variables?|covariates?|signals?)\b|\bstatic\s*:",
              # a list of feature ideas: "tenure in months", "avg rating given"
              r"\btenure\b|\bavg [\w-]+\b",
              # a B2B model's inputs: "Firmographics: employee count ...",
              # "Recency and frequency of activity"
              r"\b(recency|firmographics?|technographics?|rfm)\b",
              r"(?<=\bdays |\bhours |\bweeks |\bminutes |\bmonths |\byears |\btime |\blong )\bsince (the |their |its |his |her |your |a )?(last|previous|first|most recent)\b",
              r"(?<=\bfarm[- ]|\bsite[- ]|\bstore[- ]|\buser[- ]|\bitem[- ]|\baccount[- ]|\bregion[- ]|\bcity[- ]|\bzone[- ]|\bstation[- ]|\bcustomer[- ]|\bdevice[- ])\blevel (context|features?|signals?|aggregates?|statistics|stats)\b",
              r"\bday[- ]of[- ](the[- ])?week\b|\bhour[- ]of[- ](the[- ])?day\b|\bseasonality\b|\bleading indicators?\b|\bwindows? (of |\()\d+",
              r"\bfeatures?\b(?! (flags?|toggles?|switch(es)?|branch(es)?|requests?|freeze|teams?|parity|launch(es)?|releases?)\b)", r"\bfeatures?\s*:\s*" + GAP + r"{1,60},", r"\bfeature (engineering|store|vector|extraction|selection|importance|pipeline)\b",
              r"\bembeddings?\b", r"\bone[- ]hot\b", r"\bbucketi[sz]\w*\b|\bbucketed\b", r"\blog[- ](scaled|transformed)\b", r"\bbag[- ]of[- ]", r"\bnormali[sz](e|ed|ation)\b", r"\bencod(e|ed|ing|ings)\b",
              r"\baggregat(e|es|ed|ion|ions)\b", r"\b(uses|using)\s+the\s+(number|count|share|ratio|fraction|age|length) of\b", r"\b(last|past) \d+( and \d+)? ?(h|hrs?|hours?|d|days?|weeks?|minutes?|mins?)\b|\bover (the )?(last |past )?\d+ (hours?|days?|weeks?)\b", r"\bsignals?\b",
              r"\bcategorical\b|\bnumerical\b|\bcontinuous\b", r"\b(tf-idf|tfidf|n-grams?|ngrams?)\b",
              r"\binputs? (are|include|includes|fall into|come from|cover)\b", r"\battributes?\b",
              # a list of them: "Inputs per haul:", "using inputs: soil type,
              # stage, ..."; summaries of a signal: "clip score statistics:
              # max, 95th percentile, count"
              r"\binputs?( per [\w-]+| for (each|every|a|one) [\w-]+)?\s*:|\binputs( [\w-]+){1,3}\s*:|(?<=\busing )\binputs?\b",
              r"\b(statistics|stats)\s*:|\b(summary|score|window|rolling|distribution) (statistics|stats)\b",
              # "how often the person accepted offers before", "distance from
              # home to the store"
              r"\bhow (often|many times|recently|long ago)\b",
              # matching features: "string similarities between customer
              # name and entry name: Jaro-Winkler, ...", "number of alerts
              # this customer has had"
              r"\b(string|name|text|address|title|jaccard|token[- ]set|fuzzy) similarit(y|ies) (between|of|to|with)\b|\bjaro[- ]winkler\b|\blevenshtein\b|\bedit[- ]distance\b|\bphonetic (match|matching|codes?|similarity)\b",
              r"\bnumber of ([\w-]+ ){0,3}(this|the|each|a) (customer|user|account|driver|patient|member|merchant|device|store|seller|buyer|applicant|borrower|supplier|vendor) (has|had|have|made|placed|filed|opened|sent)\b", r"\bdistance (from|to|between)\b",
              # "how far they live from the shift", "how far ahead it was
              # posted", "whether the volunteer has done this type of shift
              # before"
              r"\bhow far (they|he|she|you|it|the|ahead|away)\b",
              r"\bwhether (they|he|she|it|the [\w-]+) (has|have|had) (already |ever )?(done|bought|booked|watched|visited|used|seen|ordered|taken|worked|applied|rated|clicked|attended|played|read|listened)\b",
              # an LLM's inputs: "Context assembly. What the model sees: ..."
              r"\bcontext (assembly|window|building)\b", r"\bwhat the model (sees|looks at|gets)\b",
              r"\b(two|three|four|five|six|several) (groups|families|kinds|types|sets) of (features|signals|inputs)\b|\b(features|signals|inputs) fall into\b",
              r"\bvelocity (features?|checks?|counts?|signals?|rules?|limits?)\b|\b(transaction|payment|login|card|device|ip|spend|spending|order|account) velocity\b|\bvelocity\s*:", r"\b(rolling|sliding|trailing|tumbling|time|aggregation) windows?\b|(?<=\d h |\d d |\dh |\dd )\bwindows?\b",
              r"\b(hour|time|day) of (the )?(day|week)\b",
              r"\b(browsing|purchase|watch|search|click|order|viewing|listening) histor(y|ies)\b",
              r"\b(described|represented|characteri[sz]ed) by\b",
              r"\bprompts? (holds?|holding|contains?|containing|includes?|including|template|construction|is built)\b",
              r"\bcontext (window|length)\b", r"\b(few|zero)[- ]shot\b",
              r"\b(retrieved|top[- ]?(k|\d+)) (chunks|passages|documents)\b",
              # "puts them, with the request, into the prompt"
              r"(?<=\binto the |\bin the )\bprompt\b|\bprompt (with|includes|holds|gets)\b"],
  "topics": [
   T("user-features", "User Features",
     ["user", "users", "user profile", "user data", "user side features"],
     [r"\buser(s|'s)?\b.{0,30}\b(features?|profiles?|history|demographics?|age|gender|locations?|segments?|embeddings?)\b", r"\brecent (searches|purchases|clicks|views|orders|queries|watches|listens|activity|posts|comments|reviews|messages|logins|transactions)\b", r"\b(account|user|customer|seller|buyer|member|driver|rider)('s)? age\b",
      r"\bdemographics?\b", r"\buser[ _-]?ids?\b"],
     "Profile, history, segments"),
   T("item-features", "Item/Context Features",
     ["item", "items", "item features", "metadata features", "context features", "context", "content features",
      "ad features", "event features", "video features", "post features", "document features",
      "query features", "contextual features", "ads", "events", "videos", "posts"],
     [r"\b(item|content|context|contextual|ad|ads|event|video|post|document|product|query|image|text)s?\b.{0,30}\bfeatures?\b",
      r"\bmetadata\b", r"\btimestamps?\b", r"\btime of day\b", r"\bdevice\b", r"\bcategor(y|ies)\b"],
     "Text, metadata, timestamps"),
   T("interaction-features", "Interaction Features",
     ["interactions", "interaction", "cross features", "user item interactions",
      "user ad interaction"],
     [r"\binteractions?\s+(features?|history|histories|counts?|rates?|data|matrix|signals?|type|with|between|b/w)\b",
      r"\b(user|query)[- ]\w+\s+interactions?\b", r"\bcross(ed|ing)?[- ]features?\b", r"\bfeature cross",
      r"\buser[- ](item|ad|event|video|post|query|document)\b",
      r"\b(click|engagement|interaction) (history|rate|count)s?\b", r"\bsimilarity\b"],
     "User-item or user-query interactions"),
  ]},
 {"id": "model", "title": "Model Design",
  "aliases": ["model", "models", "modeling", "modelling", "model development", "model architecture",
              "model selection", "model development and offline evaluation", "ml model",
              "machine learning model", "model training", "modeling approach",
              "modelling approach",
              "model design and training", "model details", "model choice",
              # "Q: What kind of model is it?"
              "what kind of model is it", "what kind of model is this",
              "what kind of model do we use",
              # "How (the) model works"
              "how the model works", "how it learns", "how the model learns"],
  "evidence": [r"\bmodel (architecture|selection|choice|training|type|family|families|design)\b",
              # a run-in "Model: encounter rate per 1,000 runners, ..." (not
              # a data, business, pricing, threat or serving model)
              r"(?<!data |ness |cing |ting |reat |ving |cost |ment |ntal |very |fing |vice |enue |port )\bmodel\s*:\s*\w", r"\bbaseline (model|solution|approach)\b",
               # statistical models: "a hierarchical (mixed-effects) probit
               # model", "random slopes per species", "fitted in Stan"
               r"\b(mixed[- ]effects?|hierarchical|multilevel|bayesian|probit|poisson|survival|cox|arima|sarima|prophet)\b(?:[^.\n]|\n(?=[\t\x20]*[a-z0-9(])){0,30}\b(models?|regressions?|fits?|fitted)\b|\brandom (intercepts?|slopes?|effects?)\b|\bfixed effects?\b",
               # prompting an LLM: "few-shot examples", "temperature 0"
               r"\b(few|zero|one)[- ]shot\b", r"\btemperature (of |set to |= ?)?0(\.\d+)?\b",
              r"\bhyper-?parameters?\b", r"\b(gradient[- ]boosted|boosted|learned|neural|linear|logistic|tree[- ]based|binary|multi[- ]class|multi[- ]label)\s+([\w-]+\s+)?(classifier|regressor|ranker|model)s?\b", r"\b(embedding|language|ranking|scoring|classification|detection|vision|speech|sentence|retrieval|quantile|regression)\s+models?\b", r"\blayers?\b", r"\bfine[- ]tun\w*\b", r"\bensembles?\b|\bblend(s|ed|ing)? (of |the )?(two|three|both|scores|models|sources)\b|\bblend(s|ed|ing)?\s*:", r"\boptimi[sz]ers?\b",
              # similarity models of recommenders and search: "a shrunk PMI
              # score over co-borrowing", "TF-IDF over subjects, cosine
              # similarity", "item-to-item"
              r"\b(tf-?idf|bm25|pmi|co-occurrence|cooccurrence|cosine similarity|jaccard)\b|(?<=\bitem-to-|\bitem to )\bitem\b",
              r"\bloss( function)?\b", r"\b(train|trained|training) (the|a|our) model\b",
              # "a small text detector and recogniser"
              r"(?<=\btext |\bobject |\bface |\bspeech |\bkeyword |\bwake-word |\blanguage )\b(detector|detectors|recogni[sz]er|recogni[sz]ers|classifier|classifiers)\b",
              # "with the product's category and price band as extra inputs"
              r"\bcovariates?\b|\bexogenous (variables?|inputs?|features?|regressors?)\b|\b(extra|additional|external) (inputs|regressors)\b",
              # "A LambdaMART model trained on threads with a marked solution"
              r"\b(model|classifier|ranker|regressor|detector) (is |was )?(trained|fit|fitted|learned|learnt) (on|from|with|against)\b", r"\bpre-?trained\b", r"\bheads?\b.{0,20}\b(output|softmax|sigmoid)\b",
              r"\bsoftmax\b|\bsigmoid\b|\battention\b",
              r"\bprompt(s|ing|ed)?\b", r"\b(encoder|decoder|cross-encoder|bi-encoder)s?\b",
              # an LLM chosen by name and priced by tokens: "Claude 3 Haiku
              # for everything", "~9k input tokens", "the context window"
              r"\b(gpt-?[345](\.\d)?o?(-mini)?|gpt-4o|claude|haiku|sonnet|llama|mistral|mixtral|gemini|gemma|qwen|deepseek)\b",
              r"(?<=\binput |\boutput |\bprompt |\bcompletion )\btokens\b|(?<=\bcontext )\bwindow\b",
              # a learned component named with its kind: "a LambdaMART ranker"
              r"(?<=\bthe )\b(model|ranker|classifier|regressor|scorer)s? (sees|see|takes|take|uses|use|gets|get|receives|receive|consumes|consume|learns|learn)\b",
              # what it outputs: "a model that outputs the probability that"
              r"\b(outputs?|predicts?|estimates?|returns?|gives?|produces?)\s+(the\s+|a\s+)?(calibrated\s+)?(probability|likelihood|chance|odds)\s+(that|of)\b",
              r"\b(hosted|open[- ]source|open[- ]weights?|fine-tuned|pre-?trained|foundation|base|off[- ]the[- ]shelf)\s+([\w-]+\s+){0,2}(llm|model|language model|encoder|embedder)s?\b",
              # a cascade of models: "the cheap model finds candidates, the
              # better model structures them" (triggers on the noun)
              r"(?<=\bcheap |\bcheaper |\bsmall |\bsmaller |\blarge |\blarger |\bbigger |\bstronger |\bbetter |\bweaker |\bfrontier )\b(llm|model)s?\b"],
  "topics": [
   T("objective", "Objective",
     ["ml objective", "objective function", "formulation", "ml formulation", "problem type", "task"],
     [r"\bclassif(y|ies|ied|ying|ic|ication|ications|ier|iers)\b", r"\brank(ing|er|ers)\b", r"\bregression\b",
      r"\b(text|sequence|language|image|video|content|response|answer|code|caption|query|speech|audio|reply)[- ]generation\b", r"\bgenerative\b",
      r"\brecommendation\b", r"\bobjectives?\b", r"\blearning to rank\b", r"\bltr\b",
      r"\b(point|pair|list)[- ]?wise\s+(ltr|ranking|loss|learning|approach|formulation|model|training)\b", r"\bdetection\b", r"\bsegmentation\b",
      r"\b(outputs?|predicts?|estimates?|returns?|gives?|produces?)\s+(the\s+|a\s+)?(calibrated\s+)?(probability|likelihood|chance|odds)\s+(that|of)\b",
      r"\bpredicts? (whether|if|how many|how much|how long|which)\b",
      # a forecaster's or an optimiser's objective: "a seasonal forecast of
      # weekly picks", "minimises the expected walk"
      r"\b(forecasts?|forecasting|estimates?|estimating) (of |the )?(weekly|daily|monthly|hourly|next|future|expected|demand|volume|volumes|sales|picks|orders|arrivals|load)\b",
      r"\b(minimi[sz]e|minimi[sz]es|minimi[sz]ing|maximi[sz]e|maximi[sz]es|maximi[sz]ing)\b",
      r"\bregressors?\b"],
     "Classification / Ranking / Generation"),
   T("model-type", "Model Type",
     ["model selection", "model choice", "model architecture", "models", "candidate models", "baseline"],
     [r"\b(gbdt|gbm|xgboost|lightgbm|catboost)\b",
      # forecasting and optimisation designs: "a seasonal forecast", "a
      # local search swaps products between slots"
      r"\bseasonal (forecast|forecasts|model|naive|decomposition)\b|\b(arima|sarima|sarimax|prophet|holt[- ]winters|exponential smoothing)\b",
      r"\blocal search\b|\b(integer|linear|mixed[- ]integer) program(ming|s)?\b|\bsimulated annealing\b|\bgreedy (search|algorithm|heuristic)\b|\b(milp|lp|mip) solver\b", r"\bgradient[- ]boost(ed|ing)?\b|\bboosted trees\b", r"\blambda ?(mart|rank)\b", r"\blogistic regression\b", r"(?-i)\bLR\b",
      r"\btwo[- ]towers?\b", r"\b(item2vec|prod2vec|word2vec|node2vec|doc2vec|skip-?gram|cbow)\b", r"\btransformers?\b", r"\bllms?\b", r"\b(bert|gpt|t5)\b",
      r"\b(cnn|rnn|lstm|dnn|mlp|gnn)s?\b", r"\bneural net(work)?s?\b", r"\bdeep (learning|network|model)s?\b",
      r"\bfactori[sz]ation machines?\b", r"\bmatrix factori[sz]ation\b", r"\brandom forests?\b",
      r"\bdecision trees?\b", r"\bcollaborative filtering\b", r"\bwide (and|&) deep\b",
      r"\b(dcn|deepfm|resnet|vit|yolo|knn)\b", r"\bnearest neighbou?rs?\b",
      # named model families beyond ranking: OCR, speech, vision, NLP
      r"\b(trocr|layoutlm(v\d)?|donut|tesseract|paddleocr|whisper|wav2vec|efficientnet|mobilenet|unet|u-net|detr|roberta|distilbert|deberta|xlm-r|sentence-bert|sbert|arima|sarima|prophet|catboost)\b",
      r"\b(handwriting|speech|text|image|object|named[- ]entity|intent) (recognition|detection|classification|recogni[sz]er|classifier|detector) models?\b",
      # a statistician's models: "a Poisson GLM with a site interaction",
      # "negative binomial", "a GAM of temperature", "ridge regression"
      r"\b(glms?|gams?|glmms?|generali[sz]ed (linear|additive) (mixed )?models?|negative binomial|zero[- ]inflated|tweedie)\b",
      r"\b(poisson|quantile|beta|ridge|lasso|linear|ordinal|multinomial|isotonic|kernel) regressions?\b",
      r"\belastic[- ]net\b|\b(naive bayes|support vector|svms?|k-means|kmeans|gaussian process(es)?)\b"],
     "GBDT, Two-tower, Transformer, LLM"),
   T("serving-format", "Serving Format",
     ["serving", "model serving", "deployment format", "inference format", "on device inference", "on device model"],
     [r"\bquantiz(e|ed|ation)\b", r"\bon-device\b|(?<=\bon )\bdevice\b", r"\breal[- ]time\b",
      # "ship inside the app (about 9 MB, int8)"
      r"\b(int8|int4|fp16|bf16)\b|\b(ships?|shipped|bundled|runs?) (inside|in|with) the (app|apk|binary|browser|firmware)\b",
      r"\bbatch (inference|prediction|scoring)\b", r"\bonline (inference|serving|prediction)\b",
      r"\boffline (inference|prediction)\b", r"\b(onnx|tflite|tensorrt|torchscript|core ?ml)\b",
      r"\bdistill(ation|ed)?\b", r"\bprun(ing|ed)\b", r"\bmodel size\b", r"\bserv(ed|ing)\b",
      r"\b(gpus?|cpus?)\b"],
     "Quantized? On-device? Real-time?"),
   T("training", "Training Considerations",
     ["training", "model training", "training considerations", "loss function", "loss",
      "retraining", "training pipeline", "hyperparameter tuning"],
     [r"\bloss( functions?)?\b", r"\b(retrain|re-train)(s|ing|ed)?\b", r"(?<!pre-)\btrain(s|ing|ed)?\b",
      r"\bimbalanc(e|ed)\b", r"\bhyper[- ]?param(eter)?s?\b", r"\bfine[- ]tun(e|ing|ed)\b",
      r"\bepochs?\b", r"\boptimi[sz]ers?\b", r"\bcontinual learning\b", r"\bregulari[sz]ation\b"],
     "Loss function, imbalance, retraining cycle"),
  ]},
 {"id": "prediction", "title": "Prediction and Ranking",
  "aliases": ["prediction", "prediction service", "prediction pipeline", "ranking", "inference",
              "serving", "online serving", "scoring", "inference pipeline", "retrieval and ranking",
              "candidate generation and ranking", "ranking and serving", "model serving",
              "inference and serving", "recommendation pipeline", "serving and ranking",
              # "From model output to published numbers", "From scores to a queue"
              "from model output", "from model outputs", "from raw model output",
              "from scores", "from predictions", "from forecasts", "from probabilities",
              "turning forecasts into", "turning scores into", "turning predictions into",
              # "Computing the predicted floor", "Score computation"
              "computing the predicted", "computing the prediction",
              "computing the score", "computing the scores", "computing scores",
              "score computation", "scoring logic",
              # "How does the forecast become an order?"
              "forecast become", "forecasts become", "score become", "scores become",
              "prediction become", "predictions become",
              # "Q: How does a score turn into a decision?"
              "score turn into", "scores turn into", "score turns into",
              "scores turn into", "forecast turn into", "forecasts turn into",
              "prediction turn into", "predictions turn into",
              "turn into a decision", "turns into a decision",
              # "3.3 Turning a forecast into a batch size"
              "turning a forecast into", "turning the forecast into",
              "turning a score into", "turning the scores into",
              "turning model output into", "turning model outputs into",
              "turning the model output into", "turning the model's output into",
              "turning the output into", "turning outputs into",
              "turning probabilities into", "turning the predictions into",
              # "After scoring", "The planner", "Decision logic"
              "after scoring", "after prediction", "after ranking",
              "post processing", "postprocessing", "planner", "decision logic",
              "guardrails", "guard rails", "guards", "output checks", "output validation", "safety filters",
              "decision layer", "decision policy", "decision rules",
              # a forecast's decision: "How much to overbook", "How many
              # to order" (capacity minus a quantile, a cap, a floor)
              "how much to order", "how much to overbook", "how much to release",
              "how much to stock", "how much to buy", "how much to make",
              "how much to prepare", "how much to bake", "how much to hold",
              "how many to order", "how many to stock", "how many to schedule",
              "how many to staff", "how many to release", "how many to book",
              # "Routing logic" over thresholds on the score
              "routing logic", "routing rules", "triage logic", "triage rules",
              # "Step 6 - Using the forecast", "Acting on the scores", "What
              # we do with the predictions"
              "using the forecast", "using the forecasts", "using the predictions",
              "using the scores", "using the score", "acting on the forecast",
              "acting on the forecasts", "acting on the predictions", "acting on the scores",
              "what we do with the scores", "what we do with the predictions",
              "what we do with the forecast", "what we do with the forecasts",
              # the score as the user gets it: "What we show" (rounded to 5
              # minutes, capped, hidden when the lift is closed)
              "what we show", "what we display", "what the app shows",
              "what users see", "what the user sees", "display logic",
              # the score as the person who acts on it sees it: "What the
              # grower sees", "What the dispatcher sees"
              "what people see"] + [
              f"what the {r} sees" for r in PERSON_ROLES] + [
              f"what {r}s see" for r in PERSON_ROLES] + [
              # how the output gets to the person: "How the draft reaches the
              # doctor"
              "how the draft reaches", "how the drafts reach",
              "how the forecast reaches", "how the forecasts reach",
              "how the prediction reaches", "how the predictions reach",
              "how the score reaches", "how the scores reach",
              "how the estimate reaches", "how the estimates reach",
              "how it reaches"] + [
              # the question: "What does the mechanic actually see?"
              f"what does the {r} see" for r in PERSON_ROLES] + [
              f"what does the {r} actually see" for r in PERSON_ROLES] + [
              # "What does the crew get?"
              f"what does the {r} get" for r in PERSON_ROLES] + [
              # an LLM's output checked and parsed: "### Output handling"
              "output handling", "response handling", "output parsing",
              "handling the output",
              # the step that makes what is published: "## Producing the
              # forecast"
              "producing the forecast", "producing the forecasts",
              "producing forecasts", "producing the predictions",
              "producing predictions", "producing the scores",
              "producing scores",
              # "## Changes to how forecasts are used" (not "Output" alone:
              # a monitoring table's "| Outputs | score distribution |" row
              # would name the section)
              "forecast output", "what we output",
              "how forecasts are used", "how the forecast is used",
              "how the forecasts are used", "how predictions are used",
              "how the predictions are used", "how scores are used",
              "how the scores are used", "how the score is used"],
  # (with it, a plan made from the forecast: "Decision variables: which
  # connector each bus uses", "the planner re-plans around it")
  "evidence": [r"\binference\b|\bdecision variables?\b|\b(planner|optimi[sz]er|solver) (re-?plans?|assigns?|allocates?|chooses|picks|builds|produces|outputs|decides|schedules)\b", r"\b(keeps?|takes?|selects?|returns?) the (best|top) \d+\b",
              # "returns the expected ready date with a range"
              r"\b(returns?|shows?|displays?|sends?|gives?) (the |an? )?(expected|predicted|estimated|forecast) [\w-]+\b", r"\b(reorder|re-order)(s|ed|ing)?\b", r"\bcandidates? (still )?(come|comes|are drawn|are pulled|are retrieved|are generated) from\b", r"\b(asks?|calls?|quer(y|ies)|invokes?) the (model|classifier|ranker|scorer|predictor|detector|regressor)\b", r"\b(below|above) (a |the )?(confidence|score|probability)( of| threshold)?\b|\bscores? (above|below|over|under|of at least|between)\b|\b(is|are|counts as|count as) (at[- ]risk|high[- ]risk|flagged|urgent|overloaded|suspicious) (if|when|whenever)\b", r"\b(model|classifier|ranker|scorer|predictor|detector|regressor) (returns?|outputs?|produces?|gives?|predicts?|scores?)\b", r"\bserv(ing|ed)\b", r"\b(rerank|re-rank)\w*\b", r"\bcandidate (generation|retrieval|set|pool)s?\b|\bcandidate (prices|rates|actions|moves|routes|offers|schedules|replies|answers|tariffs|plans)\b|\b(evaluate|evaluates|score|scores) a grid of\b",
              r"\btop[- ]?[*_]?(k|\d+)\b", r"\bthresholds?\b", r"\b(batch|online|real[- ]time) (prediction|inference|scoring)\b",
              # turning scores into a list or a band: "the appointments with
              # the highest predicted risk, up to the 1,100-call capacity",
              # "risk bands per specialty"
              r"\b(highest|lowest|top)[- ](predicted|scored|ranked)\b",
              # rules on the list shown: "No more than 2 tracks by the same
              # artist in any 10", "no repeats within 3 hours", "never two
              # in a row", "tracks not licensed ... are never included", "at
              # least 1 in 3 tracks is new"
              r"\b(at least|no fewer than) (\d+|one|two) (in|out of|of every|in every) (\d+|two|three|four|five|ten)\b",
              # "puts it in one of four buckets, and we route accordingly"
              r"\b(risk|score|priority|confidence|urgency) (bands?|tiers?|buckets?)\b|\b(one of|into) (two|three|four|five|six|\d+) (buckets|classes|categories|bands|tiers|groups|queues)\b|\b(route|routes|routed|routing) (it |them |each one |tickets |cases )?accordingly\b",
              r"\bup to (the |our |their |a )?([\w,-]+ ){0,2}(capacity|budget|cap)\b|\b(capacity|budget)[- ](capped|limited|constrained)\b|(?<=\bcrew |\bcrews |\bcrew's |\bteam's |\bstaff |\binspector |\binspectors |\binspection |\bvisit |\breviewer |\breviewers |\bagent |\bagents |\banalyst |\banalysts |\btechnician |\btechnicians )\bcapacity\b",
              r"\bpost[- ]process\w*\b", r"\bprediction (pipeline|service|request)s?\b", r"\bfilter(s|ed|ing)? (out|results|candidates)\b|\b(is|are) never (included|shown|recommended|surfaced|returned|served|suggested)\b",
              r"\bdedup\w*\b|\bdiversi\w*\b|\b(no more than|at most|maximum of|max of|max) (\d+|one|two|three|four|five) ([\w-]+ ){0,2}(from|by|of|per) the same\b|\bno repeats?\b|\bnever (repeats?|repeated)\b|\b(never|not|no) two (in a row|back[- ]to[- ]back)\b", r"\bbusiness (rules?|logic)\b",
              # "if the top queue's confidence is below 0.70", "rules run
              # after the model, whatever it says", "even if the model
              # disagrees", "the top three suggestions"
              r"\b(confidence|probability|score)\b" + GAP + r"{0,20}\b(below|above|under|over|at least|exceeds?|less than|more than)\s+0?\.\d+",
              # "above 0.97 the message goes to the spam folder": a cut on a
              # probability, which is a decimal under one
              r"(?<=\babove |\bbelow |\bover )\b0\.\d+(?! ?(s|ms|seconds?|sec|m|km|kg|mm|%))",
              r"(?<=\brule |\brules |\boverride |\boverrides |\bcheck |\bchecks )\b(run|runs|apply|applies|applied) after the model\b|(?<=\bwhatever the |\beven if the )\bmodel (says|predicts|decides|suggests|disagrees)\b|\boverrid(e|es|den|ing) the model\b",
              r"\btop (two|three|four|five|ten) (suggestions|candidates|results|matches|queues|labels|classes|predictions|options)\b",
              # "P(field) < 0.2 and cost band <= 3k -> fast-track"; "Cap: max
              # 35% of a week's claims"
              r"\bp\([\w -]{1,30}\)\s*(<|>|<=|>=|≤|≥)\s*0?\.\d|\bthreshold\b(?<=\bp > threshold|\bp >= threshold|\bp > the threshold|\bp >= the threshold)", r"\bmax(imum)? (move|change|step|jump)\b|\bfloors?( and |/)ceilings?\b|\bnever (below|above) (the|a|an|its|their|\d)",
              r"\bcap\s*:|\bmax(imum)? \d+ ?% of\b|\b(fewer|no more) than (\d+|one|two|three|four|five) (alerts|notifications|messages|emails|pushes|texts|calls|reminders|nudges)\b",
              r"\b(show|shows|shown|surface|surfaces|return|returns|deliver|delivers) (only )?(the )?(top|highest|best)[- ](\d+|k|scor\w*|rank\w*)\b",
              # "a 10th, 50th and 90th percentile for departure"; "we show
              # \"On time\"", "the board displays 'Delayed'"
              r"\bquantiles?\b|\b(10th|25th|50th|75th|90th) percentiles?\b(?! (latency|response))", r"\b(window|estimate|score|price|ranking) (shown|displayed|returned)\b|\b(shows?|displays?) [\"“‘]",
              r"\b(scores?|scoring|predicts?|forecasts?|classifies|ranks) (every|each|all (the )?)\b",
              # "the planner turns the predicted deficits into a van route";
              # "drops stations whose predicted deficit is under three"
              r"\b(turns?|turning|converts?|converting|translates?|maps?) (the |each |every )?(predicted|forecast|estimated|scored|expected) [\w-]+ into\b",
              r"\b(predicted|forecast|estimated|expected) ([\w-]+ ){1,5}(is|are|falls?|drops?|exceeds?|stays?) (under|below|above|over|less than|more than|at least|at most)\b|\b(predicted|forecast|estimated|expected) ([\w-]+ ){1,5}(is|are) (≥|≤|>=|<=|>|<)",
              r"\b(turns?|turning|converts?|converting|translates?|maps?) (the |each |every )?(forecasts?|scores?|predictions?|probabilit(y|ies)|outputs?) into\b|\b(turns?|turning|converts?|converting|translates?) (them|these|it) into (targets|decisions|actions|orders|alerts|tasks|visits|routes|rankings?|recommendations|a (list|queue|plan|schedule|ranking))\b|\bprioriti[sz](e|es|ed|ing) by (the )?(expected|predicted|forecast|estimated|scores?|risk|probability)\b",
              r"\bpercentiles? of (the |that |this |its )?(demand|forecasts?|predicted|predictions?|distribution)\b",
              # a forecast turned into a decision: "a high (P90) forecast",
              # "the P90 is the census level", "rounded up", "days flagged as
              # risky", "re-forecast the remaining half-hours"
              r"\bp(10|50|90)\)? (forecast|estimate|value|level|case|census|demand|quantile|figure|number)s?\b|\b(high|low|central|median) \(p(10|50|90)\)",
              r"\b(round|rounds|rounded|rounding) (it |them |this |that )?(up|down|to the nearest)\b|\bflag(s|ged|ging)? (it |them )?(as )?(risky|at[- ]risk|high[- ]risk|urgent|short|understaffed|likely)\b|\bceil(ing)?\s*\(|(?<=% |% safety |% extra )\bmargin\b|(?<=\bsafety |\bbuffer )\bstock\b",
              r"\breforecast(s|ed|ing)?\b|\bre-forecast(s|ed|ing)?\b",
              # a decision made from the predictions: "pick the candidate price
              # that maximises expected margin"
              r"\b(pick|picks|choose|chooses|select|selects) (the |a |an )?([\w-]+ ){0,3}that (maximi[sz]es|minimi[sz]es|optimi[sz]es)\b|(?<=\bthat )\b(gives|yields|has) the (highest|lowest|largest|smallest|best) (expected|predicted|estimated)\b",
              # "evaluate a grid of candidate rates ... and pick the argmax"
              r"\b(pick|picks|take|takes|choose|chooses|select|selects) the (argmax|arg max|arg-max)\b",
              # an LLM's output checked before it is shown: "output fails JSON
              # validation", "that line is dropped"
              r"\bvalidat(e|es|ed|ion of) (the |each |every )?(output|response|answer|draft|summary|json|citations?)\b|\b(output|outputs|response|responses|answer|answers|draft|drafts|summary|summaries) (fails?|failing|passes|passing) ([\w-]+ )?validation\b",
              # "if the top class has probability >= 0.6", "the second class",
              # "returned as reason codes"
              r"\btop (class|classes|label|labels|category|categories|prediction|predictions|match|matches|guess|guesses|candidate|candidates|intent|intents|code|codes|result|suggestion|suggestions)\b",
              r"\b(second|next)[- ](best|highest|class|choice|guess|label)\b",
              r"\breason codes?\b|\bexplanations? (are |is )?(returned|shown|attached)\b",
              # rules after the model: "after prediction we do some rules",
              # "drop items already in the basket ... keep the top 8",
              # "non-maximum suppression with an IoU threshold of 0.3",
              # "ordered so that vans are not sent back and forth"
              r"\bafter (the )?(prediction|predictions|scoring|inference|ranking)\b",
              r"\b(apply|applies|applied) (these |the |some |a few |our )?(rules|post-?processing|constraints)\b",
              r"\b(drop|drops|dropped|remove|removes|removed|exclude|excludes|excluded|filter out|filters out|filtered out)\b" + GAP + r"{0,40}\b(items?|results?|candidates?|suggestions?|recommendations?|detections?|matches|listings|connections|accounts|customers|cases|sites|properties|premises)\b",
              r"\bnon-?max(imum)? suppression\b|\b(iou|overlap) threshold\b|\bsorted by (confidence|score|probability|likelihood)\b",
              # decoding a sequence model's output: "beam search with beam 4",
              # "rescoring offline"; choosing among candidate actions: "choose
              # the candidate whose predicted median occupancy is closest"
              r"\bbeam search\b|\b(greedy|constrained|speculative) decoding\b|\bn-best\b|\brescor(e|es|ed|ing)\b",
              r"\b(choose|chooses|chosen|pick|picks|select|selects) the ([\w-]+ ){0,2}(whose|with the (highest|lowest|best|largest|smallest))\b|\b(picks|chooses|selects|takes) the (largest|smallest|highest|lowest|best|most likely|first|last|top)\b",
              # "a set of rules picks the total (the largest amount near
              # 'total')"; "fields that come out with low confidence are left
              # empty rather than guessed"
              r"\b(left empty|left blank|abstains?|abstained|abstaining)\b",
              r"\b(rule|rules|heuristic|heuristics) (pick|picks|choose|chooses|select|selects|decide|decides)\b",
              r"\b(ordered|sorted|ranked) (so that|by (expected|predicted|estimated|score|confidence|value|(the )?(number|count|share) of|recency|relevance|popularity|distance|rating|how))\b",
              # "Sort by value per euro spent; greedy allocation until the
              # budget runs out"; "the nurses required ..., rounded up"
              # "Rank the remaining confirmed sightings by ... and file the
              # top ones until the weekly cap is reached"
              r"(?<=\bsort |\bsorts |\border |\brank )\bby (value|score|expected|predicted|probability|margin|priority|uplift)\b|(?<=\brank |\branks |\bsort |\bsorts |\brank the |\branks the |\bsort the |\bsorts the |\border the |\borders the )\b(remaining|surviving|eligible|kept|filtered) ([\w-]+ ){0,2}by\b",
              r"\b(greedy|budgeted|knapsack|constrained) (allocation|assignment|selection)\b|\b(daily|weekly|monthly|per-day|per-week) (cap|quota)\b"
              # ... and a forecast turned into the people or vehicles it
              # needs: "Erlang C ... -> required advisers per interval"
              r"|\bscore (each|every|all) (candidate|option|listing|match|offer|item)s?\b|\b(pick|picks|choose|chooses|select|selects) the (best|top|highest[- ]scoring) (candidate|option|match|offer|item)s?\b"
              r"|\berlang[- ]?[abc]\b|(?<=\brequired )\b(staff|staffing|advisers|advisors|agents|headcount|fte|ftes|crews|nurses|drivers|couriers|pickers|technicians|beds|trucks|vehicles)\b",
              r"\brounded (up|down|outward|outwards|to the nearest)\b",
              # an LLM's output checked: "a reply that does not parse ... is
              # thrown away"
              r"(?<=\bis |\bare )\b(thrown away|discarded|dropped|rejected|suppressed|withheld|blocked)\b",
              # an LLM's output rules: "answer in at most five sentences", "the
              # LLM receives the question, the top passages and instructions"
              r"\bvalidators?\b|\b(checks?|validates?) (every|each) (field|answer|reply|output|response|draft)\b|\b(does not|doesn't|fails to) parse\b|\b(invalid|malformed|unparseable) (json|output|outputs|response|responses|reply|replies)\b|\b(answer|answers|reply|replies|respond|responds|summari[sz]e|summari[sz]es) in (at most|no more than|under|fewer than) \w+ (sentences|words|lines|bullets|bullet points)\b|\b(llm|model) (receives|gets|is given|is sent) the\b|(?<=\bjson |\boutput |\bresponse )\b(parse|parsing|validation) (failures?|errors?)\b|(?<=\bparse the |\bparses the |\bparse its )\bjson\b",
              ],
  "topics": [
   T("scoring", "Score Computation",
     ["scoring", "scores", "candidate generation", "retrieval", "prediction pipeline"],
     [r"\bscor(e|es|ed|ing)\b", r"\bprobabilit(y|ies)\b|\bprobs?\b", r"\bcandidate generation\b",
      r"\bretriev(al|e|ed)\b", r"\bnearest neighbou?rs?\b", r"(?-i)\bANN\b", r"\bembeddings?\b",
      r"\bdot product\b", r"\bcosine\b", r"\bpredict(s|ed|ion|ions)?\b", r"(?<!re-)(?<!re )\brank(s|ed|ing)?\b",
      r"\bsort(s|ed|ing)?\b", r"\bindex(es|ed|ing)?\b", r"\bp\([^()\n]{1,40}\)"],
     "How are scores computed?"),
   T("reranking", "Re-ranking and Diversity",
     ["re-ranking", "reranking", "diversity", "diversification", "post-processing",
      "business logic", "business rules"],
     [r"\b(rerank|re-rank)(s|ing|er|ed)?\b|(?<=\bre )\brank(s|ing|er|ed)?\b", r"\bdivers(e|ity|ify|ified|ification)\b",
      r"\bbusiness (logic|rules?)\b",
      # "pick the closest one, with the eligibility rules on top"
      r"\b(rules?|filters?|constraints?|caps?|guard ?rails?|overrides?) (applied )?on top\b(?! of (the |our |a )?(data|platform|stack|infrastructure|framework|library|api|queue|cluster))", r"\bpost[- ]?process(ing)?\b", r"\bfreshness\b",
      r"\bdeduplicat|\bmerge(s|d)? (items|duplicates|near-duplicates|results|candidates|detections|mentions)\b", r"\bexploration\b", r"\bcalibrat(e|ed|ion)\b",
      r"\bsmooth(s|ed|ing)\b",
      # "hard rules take precedence over scores"
      r"\bhard rules?\b", r"\b(rules?|overrides?) (take|takes|took) precedence\b"],
     "Do you re-rank or diversify?"),
   T("filtering", "Caching, Thresholding and Filtering",
     ["caching", "filtering", "thresholding", "filters", "result filtering"],
     [r"\bcach(e|es|ed|ing)\b", r"\bthresholds?\b", r"\bthresholding\b",
      r"(?<!collaborative )(?<!content-based )(?<!content based )\bfilter(s|ed|ing)?\b",
      r"\bpre-?comput(e|es|ed|ing|ation)\b", r"\b(low|high)`?[- ]`?confidence\b",
      r"\b(block|deny|allow) ?lists?\b", r"\btop[- ]?k\b", r"\bcut[- ]?offs?\b",
      # "Suppression: not shown if ...", "capped at +-5 bu/acre"
      r"\bsuppress(es|ed|ion)?\b", r"\b(capped|caps?) at\b|\bclamp(s|ed|ing)?\b", r"\bredact(s|ed|ion|ing)?\b",
      # "drops feeders already in an abnormal configuration", "skips
      # customers recently contacted"
      r"\b(drops?|dropped|removes?|removed|excludes?|excluded|skips?|skipped|leaves? out|filters? out)\b ([\w-]+ ){1,3}(already|currently|recently) (in|on|under|being|seen|shown|contacted|visited|scheduled|booked|treated|flagged|served|sent)\b",
      # a decision rule on the prediction: "If p90 > 0.90, raise the price"
      r"(?<=\bif |\bif the |\bwhen |\bwhen the )\b(median|mean|forecast|estimate|prediction|predicted [\w-]+|risk|likelihood) ?(>=|<=|>|<|≥|≤|is above|is below|exceeds) ?0?[.,]\d+",
      # "a 'behind neighbours' flag when a field's estimate is more than
      # 15% below the median"
      r"\b(flag|flags|flagged) (when|if|whenever)\b",
      # "Cap discounts at 25% total per line"
      r"\b(cap|caps)\b ([\w-]+ ){1,2}at\b",
      # "probability >= 0.6", "a threshold set so that SIU receives no more
      # than 120 referrals a week", "at most one per street per six hours"
      r"\b(probability|probabilities|score|scores|confidence)\s*(≥|>=|>|<=|≤|<|of at least|at least|above|below|over|under)\s*0?[.,]\d+",
      r"\b(set|tuned|chosen|picked|calibrated) (so that|to (achieve|give|hit|keep|meet|reach))\b",
      r"(?<=\bat )\bmost (one|two|three|\d+)( [\w-]+){0,3} (per|a|an|every|each)\b",
      # "Show only if model prob of completion >= 0.35"
      r"(?<=\bshow |\bshows |\bshown |\bsurface |\bsurfaces |\bsurfaced |\bdisplay |\bdisplays |\bdisplayed |\bsuggest |\bsuggests |\bsuggested |\bsend |\bsends |\bsent )\bonly (if|when)\b"],
     "Caching, thresholding, result filtering"),
  ]},
 {"id": "monitoring", "title": "Feedback, Monitoring, and Deployment",
  # what is watched, logged and rolled out is named: "Measure everything,
  # ship often" under its heading is a slogan
  "needs_evidence": True,
  "aliases": ["monitoring", "deployment", "monitoring and deployment", "deployment and monitoring",
              "online testing and deployment", "scaling monitoring and updates", "feedback",
              "feedback loop", "launch", "rollout", "rollout plan", "release", "operations", "mlops",
              # "How will we know if it starts going wrong?"
              # (not "know if it breaks" and the like: two edits from "know
              # it works", the metrics', and so a near miss of it)
              "know if it starts going wrong", "if it starts going wrong",
              "know when it starts going wrong", "if it starts to go wrong",
              "observability", "maintenance", "online testing", "ab testing", "experimentation",
              "feedback and monitoring", "launch plan", "deployment strategy",
              "online experiment", "online experiments",
              "experiment plan", "experiment design",
              # "Going live", "Keeping an eye on it", "What will we watch?"
              "going live", "go live", "keeping an eye on", "keep an eye on",
              "watching it", "what we watch", "what do we watch", "what will we watch",
              "after launch", "shipping it", "how we ship", "how do we ship",
              # "Running it", "Operating it", "Ops"
              "running it", "operating it", "running in production", "ops",
              "day to day operation", "day to day running",
              # house formats: "Operational readiness", "Production readiness review"
              "operational readiness", "production readiness", "launch readiness",
              "operations readiness",
              # "Keeping it honest" (not "Keeping it healthy": found by what
              # it says, fixtures/recognition/free-form-headings.md)
              "keeping it honest", "keeping the model honest"],
  # (a promise with no object says nothing: "We'll monitor it after launch.")
  "evidence": [r"\bmonitor(ing|ed|s)?\b(?! (it|this|that|them)( closely| carefully| after launch| once (it is |it's )?live| later)?\s*[.;,!)])", r"\bdrift\b", r"\balert(s|ing)?\b(?![- ]fatigue|[- ]rates?\b)", r"\bdashboards?\b", r"\bretrain(ing|ed|s)?\b",
              r"\broll(out|outs|ed out|ing out)\b", r"\bcanary\b", r"\broll ?back\w*\b", r"\ba/b test\w*\b", r"\bshadow (mode|traffic|deploy\w*)\b",
              r"\bfeedback loop\b|\b(flows?|flowing|fed|feeds?|goes|go|added|appended) (back )?into (the )?(training|next training|retraining)\b|\brelabel(l?ed|l?ing|s)?\b", r"\b(on-call|oncall)\b|(?<=\bon )\bcall\b", r"\bslos?\b", r"\bincidents?\b", r"\bdeploy(ed|ing|ment|ments)?\b",
              r"\bmodel registry\b|\bversion(ed|ing)\b",
              # "roll out to all stores in four waves", "a decision gate with
              # Finance"
              # (the monitoring topic's reports and realised-vs-predicted
              # checks count through the topic)
              r"\broll(s)? (it |this |them )?out\b|\broll(ed|ing) (it|this|them) out\b", r"\bin (two|three|four|five|six|\d+) (waves|phases|stages)\b",
              r"\b(decision|launch|go/no-go|ship|release) (gate|review|criteria)\b",
              # "two branches first, for a month", "a pilot in one clinic"
              r"\bpilot(s|ed|ing)?\b",
              r"\b(branches|stores|cities|regions|markets|countries|clinics|hospitals|sites|warehouses|depots|schools|offices|teams|districts|wards|categories|segments|languages|locales|tenants|customers|partners|merchants|sellers|squads|units) first\b"],
  "topics": [
   T("feedback-logging", "User Feedback Logging",
     ["feedback", "user feedback", "feedback logging", "logging", "feedback loop"],
     [r"\bfeedback\b", r"\blog(s|ged|ging)?\b", r"\bimplicit signals?\b", r"\buser reports?\b",
      r"\bappeals?\b", r"\b(true|false) positives?\b"],
     "Accept/ignore, true vs false positives"),
   T("monitoring", "Monitoring",
     ["monitoring", "observability", "alerting", "alerts", "dashboards", "model monitoring",
      # a run-in label: "**What we watch.**" over the list of checks
      "what we watch", "what we will watch", "what do we watch",
      "what we keep an eye on"],
     [r"\bmonitoring\b",
      r"\bmonitor(s|ed)?\s+(the\s+)?(model|models|performance|metrics?|predictions?|accuracy|latency|drift|quality|health|errors?|data)\b",
      # "Monitored daily:" over a list
      r"\bmonitored (daily|weekly|hourly|nightly|monthly|continuously|per run|per release|in production)\b",
      r"\bdrift\b",
      # an alert about the system, not the product's own alerts (a frost
      # warning service's "Alerts go to the pilot growers"): "alerting",
      # "a drift alert", "alerts on", "alert the on-call"
      r"\balerting\b",
      r"\b(drift|latency|error|errors|data|quality|health|freshness|pipeline|job|monitoring|slack|pagerduty|opsgenie|grafana|prometheus|datadog|cloudwatch|threshold|automated|automatic|ops|on-call|oncall|staleness|volume|anomaly) alerts?\b",
      r"\balerts? (on|if|when|whenever|fires?|fired|pages?|paged|to (the )?(on-call|oncall|team|owners?|channel|slack|pagerduty|ops|engineers?|maintainers?|data team|ml team))\b",
      r"\balert(s|ed)? (the |our )?(on-call|oncall|team|owners?|channel|engineers?|maintainers?|data team|ml team)\b",
      # a threshold: "weekly PSI; alert above 0.2", "timeout rate (alert >
      # 1%)"; a team's inbox: "Alerts go to the analytics mailbox"
      r"\balerts? (above|below|over|under|beyond|past)\b|\balerts? ?(>|<|>=|<=|\x{2265}|\x{2264}) ?\d",
      r"\balerts? (go|goes|are sent|is sent|are routed|is routed) to (the |our |a )?([\w'-]+ ){0,2}(mailbox|inbox|channel|on-call|oncall|team|rota|pager|slack|queue|owners?)\b",
      r"\b(raise|raises|raised|page|pages|paged) (an? )?alerts?\b",
      r"\bdashboards?\b",
      r"\bobservability\b", r"\b(system|feature|data|model|pipeline) health\b", r"\b(grafana|prometheus|datadog|new relic|sentry|pagerduty|opsgenie|cloudwatch)\b", r"\b(track|tracks|tracked|tracking|watch|watches|watched|review|reviewed) (\w+ ){0,3}(daily|weekly|hourly|in production|per day|per hour|over time)\b", r"\b(on-call|oncall)\b|(?<=\bon )\bcall\b", r"\b(predicted|forecast|expected) (vs\.?|versus|and|against) (actual|observed|real)\b", r"\bskew\b",
      r"\b(actual|observed|real|realised|realized) (vs\.?|versus|against) (predicted|forecast|expected)\b",
      # "the per-district class distribution against the previous run and
      # the same date last year"
      r"\b(class|score|prediction|predicted|label|output|feature|input) distributions?\b" + GAP + r"{0,60}\b(against|compared (with|to)|versus|vs\.?) (the )?(previous|last|prior|same|training|baseline|reference)\b",
      r"\b(weekly|daily|monthly|nightly|hourly) (run |health |quality |accuracy |status |model )?reports?\b",
      # "we watch the weekly error against actual returns" (watching a
      # rate during an A/B test is no monitoring: it has no cadence)
      r"\b(watch|watches|watched|watching|track|tracks|tracked|tracking) (the |our |its )?(daily|weekly|hourly|monthly|nightly|per-day|per-week) [\w-]+",
      r"\b(against|versus) (the )?(actual|real|observed|realised|realized) (returns|outcomes|values|demand|sales|results|dates|times|arrivals|counts)\b",
      # "each week we sample fifty sent replies and check them"; "we watch
      # the share of urgent requests the model called routine"; "if that
      # share passes 5% in any week"
      r"\b(each|every) (week|day|month|night|morning|quarter)\b" + GAP + r"{0,60}\b(sample|samples|sampled|check|checks|checked|review|reviews|reviewed|audit|audits|audited|compare|compares|compared)\b",
      r"\b(watch|watches|watched|watching|chart|charts|charted|track|tracks|tracked|tracking) the (share|rate|number|count|fraction|percentage|proportion) of\b",
      # "Weekly, the trust team checks the released-hold rate"; "a drop
      # below 80% precision pauses holding"
      r"\b(weekly|daily|monthly|nightly|hourly)\b,? (the |our |a |an )?([\w-]+ ){0,2}(checks|reviews|looks at|compares|audits|reads|grades|rates|samples)\b",
      r"\b(drop|drops|fall|falls|rise|rises) (below|above|under|over) \d+(\.\d+)? ?%" + GAP + r"{0,40}\b(pauses?|stops?|halts?|rolls? back|switch(es)? off|turns? off|alerts?|pages?|freezes?|looks? into|investigat(e|es|ed|ing)|digs? into|escalat(e|es|ed|ing))\b",
      # "we score last quarter's actual defaults against its predictions"
      r"\b(actual|observed|real|realised|realized) [\w'-]+( [\w'-]+){0,2} (against|versus|vs\.?) (the |our |its |their |last [\w']+ |each [\w']+ )?([\w'-]+ )?(scores|predictions|forecasts)\b",
      # "we compare the walking distance there with the other aisles every week"
      r"\b(compare|compares|compared)\b" + GAP + r"{0,80}\b(every|each) (week|day|month|night|morning)\b",
      r"\b(review|reviews|reviewed|audit|audits|audited) \d+ (random|sampled|sent|recent)? ?[\w-]+ (a|per|each|every) (week|day|month)\b",
      r"\b(passes|exceeds|crosses|rises above|drops below|falls below) \d+(\.\d+)? ?% (in|on|for|over) (any|a|one|two|three|consecutive) (week|weeks|day|days|hour|hours|month|months)\b",
      # "SER estimated weekly from volunteer diffs", "precision measured
      # every month on a labelled sample"
      r"\b(estimated|measured|computed|calculated|recomputed|re-computed|recalculated) (weekly|daily|monthly|nightly|hourly|every (week|day|month|night|morning))\b"],
     "Accuracy drift, latency, system health"),
   T("deployment-strategy", "Deployment Strategy",
     ["deployment", "deployment strategy", "rollout", "release", "ab testing", "ab test",
      "online testing", "rollback", "launch", "deployment and release", "canary",
      "release plan", "rollout plan", "release process", "rollout strategy", "release strategy",
      "launch plan"],
     [# "it ran silently for two months, with the dispatchers shown nothing"
      r"(?<=\bran |\brun |\bruns |\brunning )\b(silently|quietly|dark)\b",
      # "We shadow the planner for two weeks"
      r"\bshadow(s|ed|ing)? (the|our|it|them|production|live)\b",
      r"\ba/b\b", r"\bholdouts?\b", r"\bramp(s|ed|ing)?[- ]up\b", r"\b(gradual|staged|phased|incremental|progressive)(ly)? (roll\w*|launch\w*|releas\w*|expan\w*|ship\w*)\b", r"\b(turn|turns|turned|switch|switches|switched|enable|enables|enabled)\s+(it|this|the\s+[\w-]+)\s+on\s+for\b(?!\s+(all|everyone|everybody|every)\b)", r"(?<=\bthen )\b(expand|widen|extend|grow|ramp|shrink|reduce|increase)\w*\b", r"\bab test", r"\broll(out|back|ing out|ed out|ed back)s?\b",
      r"\broll[- ](out|back)\b", r"\bcanary\b", r"\bshadow (mode|deploy\w*|traffic|period|run|launch|phase)\b",
      # "runs in shadow for four weeks"; "reverting is re-pointing the DAG"
      r"(?<=\bin |\bas a |\binto )\bshadow\b", r"\brevert(s|ed|ing)?\b",
      r"\bfeature flags?\b",
      # "internal dogfood for two weeks, then 5% of paid workspaces, then all"
      r"\bdogfood(s|ed|ing)?\b", r"\bthen\s+(to\s+)?(\d{1,3}\s?%|all|everyone|everybody|the rest)\b",
      # "Rolling back means marking the previous version active", "we roll
      # the model back"; "3 arms: control / LTR / LTR with boost"; "if it
      # wins, go to 50%"; "ship behind the `up_next` flag"
      r"\brolling back\b|\broll(s|ed)? (it|them|this|that|the [\w-]+( [\w-]+)?) back\b",
      # "we go back to the previous ONNX file, which each device keeps"
      r"\b(go|goes|going|went|switch|switches|switching|switched) back to the (previous|prior|old|last) ([\w-]+ ){0,2}(model|models|version|release|build|file|weights|artifact|checkpoint)s?\b",
      r"(?<=\d )\barms\b",
      # "if it drops by 10%, extend to the full site"; "the ground floor
      # keeps the old slotting and serves as the comparison"
      r"\b(extend|extends|extended|expand|expands|expanded|widen|widens|widened|roll|rolls|rolled|go|goes)( it| this| them| out)? to (the )?(full|whole|entire|remaining|rest of the|all|every|other) [\w-]+\b",
      r"\b(serves?|served|acts?|acted) as (the |a |our )?(comparison|control|baseline|holdout|counterfactual)\b",
      # a vendor or a v1 replaced: "Parallel run | Nov - Jan | compared
      # with the vendor's", "Switch-over requires ...", "cut-over"
      r"\bparallel[- ]run(s|ning)?\b|\bswitch[- ]?overs?\b|\bcut[- ]?overs?\b",
      # "the first month runs beside the old rule, then it replaces it"
      r"\b(runs?|running|ran) (beside|alongside|next to|in parallel with) the (old|current|existing|manual|present|legacy|previous)\b",
      r"\b(go|goes|going|move|moves|moving|ramp|ramps|ramping|expand|expands|expanding|widen|widens|widening) to \d{1,3}\s?%",
      r"\bbehind (a |an |the )?(\S+ )?(feature |kill |release |launch )?flag\b",
      # "The pilot runs in three districts from March"
      r"\bpilots? (runs?|starts?|begins?|covers?|launch(es)?|is limited to|will (run|start|begin|cover)) (in |on |with |across |at )?(the |one |two |three |four |five |six |a few |a handful of |\d+ )?([\w-]+ )?(districts?|regions?|stores?|sites?|branch(es)?|clinics?|hospitals?|wards?|warehouses?|cit(y|ies)|markets?|countr(y|ies)|schools?|offices?|teams?|lines?|plants?|farms?|depots?)\b",
      # "we can switch the estimate off per branch", "a kill switch"; a
      # comparison with "two similar branches that keep the old page"
      r"\bkill[- ]?switch(es)?\b",
      # "a pilot in two branches for a term, compared with two branches
      # without the filter"
      r"\bpilot(s|ed)?\b(?:[^.\n]|\n(?=[\t\x20]*[a-z0-9(])){0,100}\b(compared (with|to|against)|versus|vs\.?|against a control)\b",
      # "can be turned off per category by a flag", "two arms of a 50/50
      # split by thread id", "then the whole forum"
      r"\b(turned|switched) off (per|for|by|in|with|from|at)\b",
      r"(?<=\btwo |\bboth |\bthe )\barms\b|\b(treatment|control) arms?\b",
      # "the rest follow in two waves"; a control group: "six shops get
      # the new sheet while the other 32 keep their bake cards"
      r"\b(follow|follows|followed|roll out|rolls out|rolled out|go live|goes live|launch|launches|launched|join|joins|switch over|switches over|move over|moves over|migrate|migrates|expand|expands) in (two|three|four|five|six|several|\d+) waves\b",
      r"\bwhile the (other|remaining) ([\w-]+ ){0,2}(keep|keeps|stay on|stays on|continue with|continues with|remain on|remains on)\b",
      r"\bsplit by (user|users|thread|threads|session|sessions|account|accounts|store|stores|request|requests|query|queries|id|user id|thread id|region|regions|city|cities)\b",
      r"\bthen (to )?(the whole|the entire|the rest of the|every|all the|all other)\b",
      # "the first month covers two aisles only"; "the planner can stop the
      # suggestions at any time"
      r"\b(first|initial|opening) (week|weeks|month|months|phase|quarter|season) (covers|covering|is limited to|runs in|runs on|runs at|only covers)\b",
      r"\b(start|starts|starting|begin|begins|beginning) (with|in|at) (the |one |a single )?[\w-]+ (office|offices|team|teams|region|regions|store|stores|site|sites|market|markets|country|countries|clinic|clinics|warehouse|warehouses|branch|branches|city|cities)\b",
      r"\b(stop|stops|pause|pauses|disable|disables) (the )?[\w-]+ (at any time|any time|anytime|immediately|within minutes)\b",
      r"\b(switch|switches|switched|turn|turns|turned) (it|this|them|the [\w-]+( [\w-]+)?) off\b",
      r"\b(control|comparison|holdback) (group|branch|store|region|city|arm|cohort|market|site)(s|es)?\b",
      r"(?<=\bthat )\b(keep|keeps|kept) (the |their )?(old|current|existing|previous)\b",
      # "it processes a month's parts in parallel with the current model";
      # "the previous ONNX file is kept so we can switch back in minutes"
      r"(?<=\bin )\bparallel with (the |our )?(current|existing|old|live|production|previous|incumbent) ([\w-]+ )?(model|models|system|version|one|process|rules?|ranker|scorer|classifier|forecast|pipeline)\b",
      r"\b(switch|switches|switched|switching|swap|swaps|swapped|revert|reverts|reverted|roll|rolls|rolled) back (to (the )?(old|previous|prior|last|current|incumbent) ([\w-]+ )?(model|version|release|build|one|weights|file|checkpoint)|in (minutes|seconds|an hour|a day|one click))\b"],
     "A/B testing, rollback, retraining triggers",
     # words that name deployment without a strategy: under the section
     # they are the plan's own words ("deployed behind a flag", "each
     # release"); elsewhere, "from fundamentals to production deployment"
     # or "retraining triggers" in a guide's chapter, they plan nothing
     # (and "shadow", "randomly assigned" and "run alongside", which say
     # how a model ships under the section, and elsewhere may be an SVG
     # filter, a data split or workers)
     local=[r"\bdeploy(s|ed|ing|ment)?\b", r"\breleases?\b", r"\bexperiment(s|ation)?\b",
            r"\bretraining triggers?\b",
            r"\bshadow(s|ed|ing)?\b(?! (tables?|copy|copies|filters?|dom|prices?|effects?|box|boxes|databases?|schemas?|writes?)\b)",
            r"\brandom(ly)? (assigned|assignment|allocated|allocation)\b|\brandomi[sz](ed|ation|e|es)\b(?! (split|splits|train|training|test|order|sample)\b)",
            r"\b(run|runs|ran|running) (it |v\d+ |both |the new [\w-]+ |the [\w-]+ model )?(alongside|in parallel with|side[- ]by[- ]side)\b"]),
  ]},
]

# latency-target's pieces. Inline math is prose: "$< 300\text{ms}$" and
# "$300\,\mathrm{ms}$" state a number and a unit.
MATH_GAP = r"(?:\s|\$|~|\\[,;:! ]|\\(?:text|mathrm|textrm|rm|mbox|operatorname)\s*\{)*"
# "40 ms", "1.5 s", and a number in words: "within two seconds at p95"
# (a space before its unit: "tens of thousands" is no "ten s")
TIME_QUANTITY = (r"(?:\d+(\.\d+)?" + MATH_GAP
                 + r"(ms|msecs?|millis(econds?)?|s|secs?|seconds?|us|µs|μs|microseconds?|ns|mins?|minutes?)\b"
                 + r"|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|thirty|forty|fifty|hundred)[ -](ms|milliseconds?|secs?|seconds?|mins?|minutes?)\b)")
PERCENTILE = r"\bp(50|75|90|95|99|999)\b"
# "the 99th percentile" (not "the 10th percentile": a forecast's quantile,
# never a latency's tail). Apart from PERCENTILE, in the two patterns that
# need it: inside every sentence look-ahead it cost a quarter more
# instructions on the RFCs.
ORDINAL_PERCENTILE = r"\b(90|95|99|99\.9)th percentile\b"
LATENCY_WORD = (r"\b(latenc(y|ies)|response|requests?|serving|inference|lookups?|round[- ]trips?"
                r"|end[- ]to[- ]end|calls?|rpcs?|queries|query|endpoints?|api|services?|waits?|waiting)\b")


def SENTENCE_AHEAD(p):
    """p later in the same sentence: up to a full stop, "!", "?" or ";"
    before a space ("1.5 s" does not end one), a table cell's end, or a line
    that does not go on with prose (a blank line, a list item)."""
    return r"(?=(?:[^.!?;|\n]|[.!?;](?!\s)|\n(?=[ \t]*[a-z0-9(]))*?" + p + ")"


def R(id, kind, severity, summary, message, help, explain, scope=None, params=None):
    r = {"id": id, "kind": kind, "severity": severity, "summary": summary,
         "message": message, "help": help, "explain": explain}
    if scope is not None: r["scope"] = scope
    if params is not None: r["params"] = params
    return r

rules = [
 R("missing-section", "required-section", "error",
   "A section of the ML System Design template is missing.",
   'missing required section "{section}"', "{detail}",
   "Every one of the eight sections of the ML System Design Flow (problem, "
   "success metrics, architecture, data and labeling, features, model, "
   "prediction and ranking, feedback/monitoring/deployment) should have a "
   "heading. Numbered, decorated and renamed headings are accepted "
   "(\"## 2) Metrics (Offline and Online)\" is Success Metrics); see "
   "docs/rules.md for each section's aliases. A heading that is only close "
   "(\"Sucess Metrix\") is reported with a hint instead of being accepted. "
   "A section that no heading names and whose terms occur only in passing, "
   "one to a paragraph across text about something else (a \"service\" "
   "here, a \"threshold\" there), is reported as a warning: missing to a "
   "reader, but less certain than a section with no trace at all."),
 R("required-section-empty", "required-section", "error",
   "A required section has a heading but no content.",
   'required section "{section}" is empty', "{detail}",
   "A heading with nothing under it, with only the template's own bullet "
   "words (\"* A/B Test\", \"* Monitoring\"), or with a placeholder (\"TBD\", "
   "\"[NO INFO]\") promises a section the reader will not find. It counts "
   "nothing toward the completeness score and is an error, like a missing "
   "section: a skeleton written by `ddlint init` fails until it is filled in.",
   params={"state": "empty"}),
 R("section-without-heading", "required-section", "info",
   "A section is covered under a heading of another name.",
   '"{section}" is covered under "{heading}" without a heading of its own',
   "{detail}",
   "A design written freely often covers a template section inside a chapter "
   "named otherwise (\"Serving and scaling\" holds the architecture). When no "
   "heading names the section but one chapter clearly covers it (at least "
   "three of its evidence terms and topics), the section counts as present "
   "and this note says where, so a reviewer can find it.",
   params={"state": "unheaded"}),
 R("empty-section", "empty-section", "warning",
   "A heading has nothing under it.",
   'section "{heading}" is empty',
   "write the section or remove the heading; HTML comments do not count as content",
   "An empty heading promises content the reader will not find. Comments, "
   "link reference definitions and blank lines do not count; a heading whose "
   "subsections hold the content is fine."),
 R("placeholder", "placeholder", "warning",
   "Placeholder text (TBD, TODO, <fill in>, lorem ipsum) is left in.",
   'placeholder left in: "{match}"',
   "replace the placeholder with the decision, or move the open question to an explicit list",
   "Flags the upper-case markers TBD, TBA, TODO, FIXME and XXX, \"<fill in>\" "
   "style brackets, bracketed markers in any case (\"[NO INFO]\", \"[N/A]\", "
   "\"[tbd]\", \"[TODO]\"), \"<insert ...>\" and lorem ipsum, outside code "
   "blocks and HTML comments. Lower-case \"todo\" in prose is not flagged.",
   params={"patterns": [r"(?-i)\b(TBD|TBA|TODO|FIXME|XXX)\b"
                        # not inside "[TBD]", which the next pattern reports
                        r"(?!(?<=\[TBD|\[TBA|\[TODO|\[FIXME|\[XXX|\[ TBD|\[ TBA|\[ TODO|\[ FIXME|\[ XXX) ?\.? ?\])",
                        # "[NO INFO]", "[N/A]", "[TBD]": a bracketed marker stands for a missing answer
                        r"\[ ?(no[ -]info(rmation)?|n/?a|tbd|tba|tbc|todo|to[ -]do|fixme|xxx|placeholder)\.? ?\]",
                        r"<\s*fill[ -]?in\b[^>\n]*>",
                        r"\[\s*fill[ -]?in\b[^\]\n]*\]", r"\blorem ipsum\b", r"<\s*insert [^>\n]*>"],
           "template_prompts": False}),
 R("template-prompt", "placeholder", "warning",
   "A prompt of the template was copied in unchanged.",
   'template prompt left in: "{match}"',
   "answer the template's question for this design, then delete the question",
   "The template's guidance sentences (\"What is the product or problem "
   "you're solving?\", \"How are scores computed?\") are questions to answer, "
   "not content. Each is matched literally, ignoring case.",
   params={"patterns": [], "template_prompts": True}),
 R("missing-success-metric", "required-topic", "warning",
   "Success Metrics names no offline or no online metric.",
   'no {topic} named under "{heading}"',
   "name the metric that defines success: offline (e.g. Recall@K, NDCG, AUC, log loss) and online (e.g. CTR, conversion, acceptance rate)",
   "A design without named metrics cannot be judged. The offline topic "
   "accepts e.g. Recall@K, Precision@K, NDCG, MRR, mAP, AUC, log loss, F1, "
   "accuracy, perplexity; the online topic e.g. CTR, conversion, acceptance "
   "rate, engagement, retention, revenue, watch time, an A/B test.",
   scope=["success-metrics"], params={"topics": ["offline-metrics", "online-metrics"]}),
 R("missing-fallback", "required-topic", "warning",
   "The architecture names no fallback path.",
   'no fallback path named under "{heading}"',
   "say what serves users when the model is slow, down or unsure: a fallback, heuristic, cache or rule-based path",
   "Models time out, fail and meet inputs they cannot handle. The "
   "architecture should name what happens then: a fallback, heuristics, a "
   "cache, a rule-based or popularity-based default, graceful degradation.",
   scope=["architecture"], params={"topics": ["fallback"]}),
 R("latency-target", "quantified-target", "warning",
   "No quantified latency target (number, unit and percentile).",
   "{detail}",
   'state the latency target with a number, a unit and a percentile, e.g. "P99 < 150 ms"; a bare "200 ms" does not say whether it is a median or a tail',
   "A latency target that says \"low\" or \"fast\" cannot be tested. The "
   "rule looks for latency (or response time, or a P95/P99 with a latency "
   "word and a time in its sentence) in the problem formulation, success "
   "metrics and architecture, and wants one mention with a number, a unit "
   "and a percentile, such as \"P99 < 150 ms\", \"95th percentile under "
   "2 s\" or \"$p_{99} < 150\\,\\mathrm{ms}$\". Figures in block quotes, "
   "case studies, examples and exercises are someone else's and do not "
   "count.",
   scope=["problem", "success-metrics", "architecture"],
   params={"name": "latency",
           "subject": [r"(?<!feedback )(?<!reporting )(?<!label )\blatenc(y|ies)\b", r"\bresponse[- ]times?\b",
                       # a percentile is a latency only with a latency word and a time
                       # unit in its sentence: not "the P90 demand quantile"
                       PERCENTILE + SENTENCE_AHEAD(LATENCY_WORD) + SENTENCE_AHEAD(TIME_QUANTITY),
                       LATENCY_WORD + SENTENCE_AHEAD(PERCENTILE) + SENTENCE_AHEAD(TIME_QUANTITY),
                       r"\b(latency|time)\s+budgets?\b",
                       # "the whole call should take under eight seconds"
                       r"\b(take|takes|took|taking) (under|less than|at most|no more than|no longer than)\s+" + TIME_QUANTITY,
                       # "the ad server's budget is 60 ms", "p99 <= 12 ms": a
                       # budget in time, a percentile bounded by a time
                       r"\bbudgets?\b" + SENTENCE_AHEAD(TIME_QUANTITY),
                       # "we target 800 milliseconds at the 95th percentile"
                       r"\b(target|targets|targeting|aim|aims|aiming)\b" + SENTENCE_AHEAD(TIME_QUANTITY)
                       + SENTENCE_AHEAD(r"\bpercentile\b|" + PERCENTILE),
                       PERCENTILE + r"\s*(<=?|≤|=|:|under|below|of|at|within|is)?\s*" + MATH_GAP + TIME_QUANTITY,
                       # "image to task: < 2 s at p95", "under 300 ms for the p99"
                       r"(<=?|≤)\s*" + MATH_GAP + TIME_QUANTITY + r"\s+(at|for)\s+(the\s+)?" + PERCENTILE,
                       r"\b(under|below|within)\s+" + MATH_GAP + TIME_QUANTITY + r"\s+(at|for)\s+(the\s+)?" + PERCENTILE,
                       # "We have 40 ms at p99 for the scoring call" (opening at
                       # the percentile: a pattern that opens with a digit is
                       # tried at every digit of the text)
                       r"(?<=\dms at |\d ms at |\dms at the |\d ms at the |\ds at |\d s at |\ds at the |\d s at the |\d sec at |\d secs at |\d seconds at |\d seconds at the |\d second at |\d milliseconds at |\d milliseconds at the |\d min at |\d mins at |\d minutes at |\d minute at )" + PERCENTILE,
                       # the percentile right after the time: "the shelf gets
                       # 180 ms p99 server-side", "2 s p95"
                       r"(?<=\dms |\d ms |\ds |\d s |\d sec |\d secs |\d seconds |\d milliseconds |\dms, |\d ms, |\d ms \(|\dms \()" + PERCENTILE,
                       # a budget table's row: "| total, p99 | review API | 60 ms |"
                       PERCENTILE + r"[^|\n]{0,40}\|[^\n]{0,80}?" + TIME_QUANTITY,
                       # two patterns, not one alternation: the first has
                       # literal triggers, the second a first character
                       r"\b(under|below|within|sub-?)\s*" + MATH_GAP + r"\d+(\.\d+)?" + MATH_GAP
                       + r"(ms|milliseconds?)\b",
                       r"<\s*" + MATH_GAP + r"\d+(\.\d+)?" + MATH_GAP
                       + r"(ms|milliseconds?)\b",
                       r"\btime[- ]to[- ]first[- ]token\b", r"\bttft\b",
                       # a time bound after an event, with a percentile in
                       # its sentence: "the operator sees a verdict no more
                       # than 1.5 s after the third strike, at p99"
                       r"\b(no more than|no later than|at most|within|in under|less than)\s+" + TIME_QUANTITY
                       + r"\s+(after|of|from)\b" + SENTENCE_AHEAD(PERCENTILE),
                       # "... within 5 seconds of the last axle passing the
                       # detector, at the 99th percentile"
                       r"\b(no more than|no later than|at most|within|in under|less than)\s+" + TIME_QUANTITY
                       + r"\s+(after|of|from)\b" + SENTENCE_AHEAD(ORDINAL_PERCENTILE),
                       r"\b(under|below|within|no more than|at most|less than)\s+" + MATH_GAP + TIME_QUANTITY + r"\s+(at|for)\s+(the\s+)?" + ORDINAL_PERCENTILE,
                       # "must finish within 2 seconds at p95", "ready within 2
                       # minutes of the meeting's end at p90": a deadline
                       r"\b(finish(es|ed)?|complete[sd]?|respond(s|ed)?|answer(s|ed)?|returns?|returned|ready|loads?|loaded|renders?|rendered|appears?|appeared|arrives?|arrived|come back|comes back|came back|start streaming|starts streaming|begin streaming)\s+(with)?in\s+(about |around |roughly |under |less than )?"
                       + TIME_QUANTITY],
           "quantity": TIME_QUANTITY,
           # "for nine requests in ten", "99 calls out of 100": a
           # percentile in words
           "percentile": r"\bt?p\s?_?\{?\d{2,3}(\.\d+)?\b|\bpercentiles?\b|\bmedian\b|\bworst[- ]case\b|\bmax(imum)?\b|\b(nine|nineteen|ninety[- ]nine|9|19|95|99) (requests?|calls?|times?|cases?|users?|queries|responses?|searches|lookups|pages?|page views) (in|out of) (ten|twenty|a hundred|one hundred|10|20|100)\b|\b(50|75|90|95|99|99\.9) ?% of (requests|calls|turns|queries|responses|replies|sessions|searches|page views|lookups|messages)\b|\bfor (50|75|90|95|99|99\.9) ?% of (visits|consults|consultations|documents|notes|jobs|orders|tickets|predictions|invoices|uploads|images|photos|files|transactions|payments|events|alerts|drafts|frames|scans|checks|runs)\b",
           "ignore_headings": ["case study", "case studies", "example", "examples", "worked example",
                               "exercise", "exercises", "quiz", "quizzes", "practice question",
                               "practice questions", "interview question", "interview questions",
                               # what others built: not this design's target
                               "related work", "prior art", "literature review", "further reading",
                               "references", "industry reference", "for reference", "for comparison",
                               "prior work"],
           # a sentence that reports someone else's number: "another
           # marketplace's engineering blog quoted a p99 of 30 ms",
           # "according to the vendor, p95 is 20 ms"
           # (not "quoted" alone: "the figure quoted in our SLA" is ours; a
           # "quote service" prices things)
           "not_ours": [r"\baccording to\b",
                        r"\bengineering blog\b|\bblog (post|article)\b",
                        r"\b(another|other) (company|companies|team|teams|marketplace|marketplaces|vendor|vendors|org|organi[sz]ations?|retailer|retailers|bank|banks|platform|platforms|product|products|paper|papers)('s|s')?\b",
                        r"\b(their|its) (\d{4} )?(paper|papers|blog|talk|talks|whitepaper|white paper|case study|benchmark|presentation|keynote)\b",
                        # "They reported a p95 of 90 seconds", "presented
                        # their planning forecast at the 2022 Interferry
                        # conference. Notes from the talk:"
                        r"\bthey (reported|report|quoted|quote|cited|cite|published|publish|claimed|claim|presented|present)\b",
                        r"\bpresented (their|its)\b|\bnotes from (the|a|their|its) (talk|call|paper|presentation|interview|keynote)\b|(?<=\bat the |\bat a )\b(\d{4} )?([\w-]+ ){0,2}(conference|summit|meetup|symposium)\b",
                        r"\b(competitor|competitors|competitor's|competitors')\b"]}),
 R("missing-data-source", "required-topic", "warning",
   "Data and Labeling names no data source.",
   'no data sources named under "{heading}"',
   "name where training and serving data come from: user logs, content data, metadata, feedback",
   "Every model is only as good as its data; the data section should say "
   "where it comes from (logs, interactions, catalogues, metadata, datasets).",
   scope=["data"], params={"topics": ["data-sources"]}),
 R("missing-label-strategy", "required-topic", "warning",
   "Data and Labeling gives no label strategy.",
   'no label strategy under "{heading}"',
   "say what the labels are and where they come from: clicks, purchases, annotators, an engagement window",
   "Supervised models need labels; the data section should say what counts "
   "as positive and negative and who or what provides it.",
   scope=["data"], params={"topics": ["label-strategy"]}),
 R("missing-monitoring", "required-topic", "warning",
   "The deployment section plans no monitoring.",
   'no monitoring planned under "{heading}"',
   "say what is watched in production: accuracy drift, latency, system health, alerts",
   "A model in production degrades silently unless something watches it. "
   "The section should name monitoring, drift detection, alerting or "
   "dashboards.",
   scope=["monitoring"], params={"topics": ["monitoring"]}),
 R("missing-deployment-strategy", "required-topic", "warning",
   "The deployment section gives no deployment or rollback strategy.",
   'no deployment or rollback strategy under "{heading}"',
   "say how the model ships and how it is undone: A/B test, canary, shadow mode, rollback",
   "Shipping a model is an experiment; the section should say how it is "
   "rolled out (A/B test, canary, shadow traffic) and how it is rolled back.",
   scope=["monitoring"], params={"topics": ["deployment-strategy"]}),
 R("section-order", "section-order", "info",
   "Sections are not in the template's order.",
   '"{section}" is out of the template\'s order',
   "{detail}",
   "The ML System Design Flow runs from the problem to deployment; reviewers "
   "read in that order. The longest run of sections already in order stays "
   "put, and each other section is reported with where the template puts it."),
 R("duplicate-section", "duplicate-section", "warning",
   "A template section appears twice at the same level.",
   '"{heading}" repeats "{section}"',
   "{detail}; merge the two, or rename one if it covers something else",
   "Two Success Metrics sections (or two Model Design sections) at the same "
   "level leave the reader unsure which one holds the decision."),
 R("topic-heading-level", "heading-level", "info",
   "A sub-topic's heading is not below its section's heading.",
   '"{topic}" is a sub-topic of "{section}" but not nested under it',
   "{detail}; make it a subsection",
   "\"## Offline Metrics\" next to \"## Success Metrics\" reads as a "
   "sibling section; outlines and tables of contents lose the structure."),
 R("metric-not-monitored", "cross-reference", "info",
   "A metric named in Success Metrics is not monitored.",
   'the metric "{match}" is not mentioned in {section}',
   "say how it is watched in production: a dashboard, an alert, an online test",
   "Each online metric that defines success should be watched after launch; "
   "this rule looks for each metric named in Success Metrics (CTR, "
   "conversion, acceptance rate, engagement, retention, revenue, ...) in the "
   "feedback/monitoring/deployment section.",
   scope=["success-metrics"],
   params={"terms": [r"\bctrs?\b", r"\bconversion rates?\b", r"\bacceptance rates?\b", r"\bengagement\b",
                     r"\bretention\b", r"\brevenues?\b", r"\bdwell times?\b", r"\bwatch times?\b",
                     r"\bprevalence\b", r"\bclick[- ]through rates?\b"],
           "to": ["monitoring"]}),
 R("latency-not-measured", "conditional", "info",
   "A latency constraint is never measured or monitored.",
   '"{match}" is a constraint, but latency appears in none of {section}',
   "name latency as an online metric or watch it in monitoring",
   "A latency constraint stated in the problem should come back as a metric "
   "or a monitored signal; otherwise nobody notices when it is broken.",
   scope=["problem"],
   params={"when": [r"\blatenc(y|ies)\b", r"\bresponse[- ]times?\b"],
           "require": [r"\blatenc(y|ies)\b", r"\bresponse[- ]times?\b", r"\bp(50|90|95|99)\b"],
           "require_scope": ["success-metrics", "monitoring"]}),
 R("on-device-size", "conditional", "warning",
   "An on-device model with no size, quantization or format.",
   '"{match}": an on-device model, but {section} gives no model size, quantization or format',
   "state the model's size budget and how it gets there (quantization, distillation, pruning) and its format (TFLite, Core ML, ONNX)",
   "Running on a device bounds model size, memory and power. A design that "
   "says \"on-device\" should say how big the model may be and how it is "
   "made to fit.",
   params={"when": [r"\bon-device\b|(?<=\bon )\bdevice\b", r"\bedge (device|inference|model)s?\b"],
           "require": [r"\bquantiz(e|ed|ation)\b", r"\bmodel size\b", r"\b\d+(\.\d+)?\s*(kb|mb|gb)\b",
                       r"\b\d+(\.\d+)?\s*[mkb]\s*param(eter)?s\b", r"\bdistill(ation|ed)?\b",
                       r"\bprun(ing|ed)\b", r"\b(tflite|tensorflow lite|core ?ml|onnx|int8|fp16)\b"],
           "require_scope": ["model"]}),
 R("personalization-privacy", "conditional", "info",
   "Personalization with no word on privacy.",
   '"{match}" uses personal data, but the document says nothing about privacy',
   "say what personal data is used and how it is protected (consent, retention, anonymization)",
   "Personalized models learn from personal data; a design should say how "
   "that data is handled (consent, retention, access, anonymization, "
   "regulations such as GDPR).",
   params={"when": [r"\bpersonali[sz](ed|ation|e)\b"],
           "require": [r"\bprivacy\b", r"\bconsent\b", r"\bgdpr\b", r"\bccpa\b", r"\banonymi[sz]",
                       r"\bpseudonymi[sz]", r"\bpii\b", r"\bdata retention\b", r"\bdifferential privacy\b"]}),
 R("missing-topic", "required-topic", "info",
   "A sub-topic of the template is not covered.",
   '"{section}" does not cover {topic}',
   "cover the topic under a subheading, a label (\"**{topic}**: ...\") or in the text",
   "Reports each remaining sub-topic of the template (those without a rule of "
   "their own) that a present section does not cover. Informational: it does "
   "not fail a run unless --fail-on info."),
 R("unclosed-code-fence", "code-fence", "warning",
   "A code block's fence did not close where it seems to, hiding what follows.",
   "{detail}",
   'close the block with a line holding only its fence ("```"): text after a fence does not close a block',
   "A line such as \"``` text\" or \"```python\" is not a closing fence, so "
   "the code block runs on, and the chapters after it become code: they "
   "are reported missing, and fix adds no second copy of them. The finding "
   "is at the opening fence and names the first hidden headings."),
]

# Headings whose sections are never evidence of a template section: the
# document's own metadata and navigation, and other people's systems.
# The seed template's own sample lines (../shared/seed/ml-system-design-
# template.md): a draft that leaves "* **User Features**: Profile, history,
# segments" in has not written its features.
template_text = [
    "Use Case: What is the product or problem you're solving?",
    "Business Objective: What outcome are we optimizing (e.g., engagement, conversion, cost)?",
    "Key Constraints: Latency, scale, cost, privacy, etc.",
    "Clarifying Assumptions: Personalization? Language? Geography? Device type?",
    "Recall@K / Precision@K / NDCG / Sequence Accuracy",
    "Log-likelihood / token-level loss",
    "Acceptance rate / CTR / Conversion",
    "Latency (P95/P99), Tap reduction, Session engagement",
    "Client-side logic: Input capture, fallback logic",
    "Inference API: What is called, what does it return?",
    "Fallback/Heuristics: On-device logic, cache, rule-based logic",
    "Data Sources: User logs, content data, metadata, feedback",
    "Label Strategy: Clicks, purchases, next-token, engagement window",
    "Augmentation: Noisy data handling, partial examples, simulation",
    "User Features: Profile, history, segments",
    "Item/Context Features: Text, metadata, timestamps",
    "Interaction Features: User-item or user-query interactions",
    "Objective: Classification / Ranking / Generation",
    "Model Type: GBDT, Two-tower, Transformer, LLM",
    "Serving Format: Quantized? On-device? Real-time?",
    "Training Considerations: Loss function, imbalance, retraining cycle",
    "How are scores computed?",
    "Do you re-rank or diversify?",
    "Caching, thresholding, result filtering",
    "User Feedback Logging: Accept/ignore, true vs false positives",
    "Monitoring: Accuracy drift, latency, system health",
    "Deployment Strategy: A/B testing, rollback, retraining triggers",
]

not_evidence = ["metadata", "document metadata", "doc metadata", "revision history",
                "version history", "document history", "change log", "changelog",
                "authors", "reviewers", "approvers", "sign off", "table of contents",
                "contents", "references", "further reading", "resources", "glossary",
                "acknowledgements", "acknowledgments", "case study", "case studies",
                "related work", "prior art", "reading list", "state of the art",
                "literature review",
                # what was not done: "## 7 Conclusion and Future Work",
                # "What I have not done", "Explicitly unchanged", and
                # questions still open: none of it is the design
                "future work", "future directions", "open questions",
                "unresolved questions", "open issues", "questions for reviewers",
                "explicitly unchanged", "unchanged", "what stays the same",
                "what does not change", "out of scope", "not in scope",
                # a v2's "## Not changing" over pointers to the v1 doc
                "not changing", "what is not changing", "what isn't changing",
                "what's not changing", "what stays as is", "no change",
                "no changes", "same as v1", "carried over from v1",
                "what i have not done", "what we have not done", "not done yet",
                # "Things I haven't written yet", "Still to write"
                "haven't written", "have not written", "not written yet",
                "not yet written", "still to write", "yet to be written",
                "to be written",
                "not covered", "what this is not", "what we are not doing",
                "what we will not do", "what we won't do", "what we're not doing",
                # a first version's non-goals: "What v1 will not do", "Not
                # in the pilot" (not "Goals and non-goals": the goals are
                # the problem's)
                "what v1 will not do", "what v1 won't do", "what v1 does not do",
                "what v1 doesn't do", "what the pilot will not do",
                "what the pilot won't do", "not in v1", "not in the pilot",
                "not in this release", "not in the first release",
                # feedback on the document, not the product's: "Interviewer
                # feedback (paraphrased)", "Review feedback so far"
                "interviewer feedback", "interviewer's feedback",
                "feedback from the interviewer", "feedback on this doc", "feedback on this design",
                # "What we haven't worked out", "What's still open?"
                "what we have not worked out", "what we haven't worked out",
                "not worked out yet", "still open", "open items",
                "still to decide", "what we have not decided",
                "what we haven't decided", "known unknowns",
                # an interview write-up's "what I ran out of time for",
                # "Things I didn't get to"
                "ran out of time", "didn't get to", "did not get to",
                "didn't have time", "did not have time", "no time for",
                # an author's scratch notes: "## Notes to self", "Scratchpad"
                "notes to self", "note to self", "scratchpad", "scratch pad",
                "scratch notes", "parking lot",
                # other people's designs by name: "How Acme and Globex do
                # it", "How they built it" (the star stands for one to four
                # words, never "we", "our", "you"...)
                "how * do it", "how * does it", "how * did it",
                "how * handle it", "how * handles it", "how * handled it",
                "how * solve it", "how * solves it", "how * solved it",
                "how * built it", "how * build it", "how * builds it",
                # "Appendix A: What Meridian Wearables published about their
                # detector": another party's numbers (the second star: any
                # words after)
                "what * published *", "what * reported *",
                "what * presented *", "what * has published *",
                "how * approached it", "how * approach it",
                "how others", "what others do", "what others have done", "what others did",
                "what other teams do", "what other teams have done", "what other companies do",
                "what other companies have done", "competitors",
                "competitor analysis", "competitive analysis",
                "competitive landscape", "industry examples",
                # "model" and "background" in other senses: a heading about
                # them is no Model Design and no problem statement
                "threat model", "threat modeling", "cost model",
                "pricing model", "business model", "security model",
                "memory model", "consistency model", "mental model",
                "object model", "domain model", "programming model",
                "execution model", "concurrency model", "threading model",
                "permission model", "permissions model", "access model",
                "performance model", "latency model", "throughput model",
                "capacity model", "mathematical model", "analytical model",
                "queueing model", "queuing model", "mathematical background",
                "theoretical background", "math background",
                # a derivation in a guide ("### Mathematical Formulation", then
                # "**Problem Definition:**" over an equation)
                "mathematical formulation", "mathematical foundations",
                "mathematical foundation", "mathematical framework",
                "mathematical frameworks", "derivation", "derivations"]

# names that say nothing of their subject: "## Introduction" in a chapter
# "# Word embeddings" introduces word embeddings, "## Key components" in a
# chapter on sample sizes are the sample size's (docs/matching.md)
generic_names = ["introduction", "background", "context", "motivation",
                 "components", "design", "approach", "infrastructure", "infra",
                 "flow", "proposal", "scope", "purpose", "why"]

pack = {
 "name": "ml-system-design",
 "version": "1.0.0",
 "description": "The ML System Design Flow: problem, metrics, architecture, data, features, model, prediction, feedback/monitoring/deployment.",
 "not_evidence": not_evidence,
 "generic_names": generic_names,
 "template_text": template_text,
 # a design written as a decision log (README + 0001-*.md) is one design
 "record_parts": True,
 "sections": sections,
 "rules": rules,
}


# Every evidence and topic pattern opens each top-level branch with \b
# (after any lookbehind): then the literal pass visits words, not bytes
# (src/lib/prose.c, S_lit_scan). One pattern without it makes every pattern
# scanned with it go byte by byte: on the RFC corpus that was 0.1 s.
def _branches(s):
    out, d, cls, b, i = [], 0, False, 0, 0
    while i < len(s):
        c = s[i]
        if c == "\\":
            i += 2
            continue
        if cls:
            cls = c != "]"
        elif c == "[":
            cls = True
        elif c == "(":
            d += 1
        elif c == ")":
            d -= 1
        elif c == "|" and d == 0:
            out.append(s[b:i])
            b = i + 1
        i += 1
    return out + [s[b:]]


def _group_end(s, i):
    """The index just past the group that opens at s[i] ("(")."""
    d = 0
    while True:
        if s[i] == "\\":
            i += 2
            continue
        d += s[i] == "("
        d -= s[i] == ")"
        i += 1
        if d == 0:
            return i


def _skip_zero_width(br):
    """br past the inline options and lookbehinds that open it."""
    while True:
        if br.startswith("(?-i)"):
            br = br[5:]
        elif br.startswith("(?i)"):
            br = br[4:]
        elif br.startswith("(?<=") or br.startswith("(?<!"):
            br = br[_group_end(br, 0):]
        else:
            return br


def _opens_with_boundary(br):
    return _skip_zero_width(br).startswith("\\b")


LIT = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-@/'&%,:_<>=!\"#;~")


def _literal_prefix(b):
    """The literal text b opens with, as src/lib/prose.c's S_literal_prefix
    reads it: up to a metacharacter, less a last character made optional."""
    out, i = "", 0
    while i < len(b):
        c, adv = b[i], 1
        if c == "\\" and i + 1 < len(b) and b[i + 1] in ".-()[]{}?*+|/\\ @#&$^":
            c, adv = b[i + 1], 2
        elif c not in LIT:
            break
        if i + adv < len(b) and b[i + adv] in "?*{":
            break
        out += c
        i += adv
    return out, i


def _has_triggers(pat):
    """Whether every branch of pat has a literal trigger of 2 bytes or more
    (src/lib/prose.c, S_branch_triggers): else PCRE2 scans the whole text for
    it."""
    for br in _branches(pat):
        br = _skip_zero_width(br)
        while br.startswith("\\b"):
            br = br[2:]
        lit, n = _literal_prefix(br)
        if len(lit) >= 2:
            continue
        rest = br[n:]
        if not rest.startswith("("):
            return False
        i = _group_end(rest, 0)
        if i < len(rest) and rest[i] in "?*{+":
            return False
        inner = rest[1:i - 1]
        if inner.startswith("?:"):
            inner = inner[2:]
        elif inner.startswith("?"):
            return False
        if any(len(lit + _literal_prefix(x)[0]) < 2 for x in _branches(inner)):
            return False
    return True


for sec in sections:
    # src/lib/match.c keeps a section's evidence items (its topics, then
    # its evidence patterns, then a diagram where the section reads them)
    # in a 64-bit mask: items past 64 are dropped, the diagram first
    nitems = (len(sec.get("topics", [])) + len(sec.get("evidence", [])) +
              (1 if sec.get("diagrams") else 0))
    assert nitems <= 64, f"{sec['id']}: {nitems} evidence items, at most 64"
    for pat in sec.get("evidence", []) + [p for t in sec.get("topics", [])
                                          for p in t.get("patterns", [])]:
        bad = [b for b in _branches(pat) if not _opens_with_boundary(b)]
        assert not bad, f"{sec['id']}: a branch without a leading \\b: {pat}"
        assert _has_triggers(pat), f"{sec['id']}: no literal trigger, PCRE2 would scan the whole text: {pat}"
out = json.dumps(pack, indent=2, ensure_ascii=False) + "\n"
if len(sys.argv) > 1 and sys.argv[1] == "--check":
    cur = open(sys.argv[2], encoding="utf-8").read()
    sys.exit(0 if cur == out else 1)
sys.stdout.write(out)
