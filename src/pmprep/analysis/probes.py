"""Follow-up questions chosen from the gaps the analyzer found, as an interviewer would ask them."""
from __future__ import annotations

PROBES: dict[str, str] = {
    # common
    "structure": "Can you give me the structure of your answer in one sentence before we go on?",
    "specificity": "Can you put a number on that — how many, how much, over what period?",
    "concision": "If you had to give me that in sixty seconds, what would you keep?",
    "conclusion": "So what is your answer, in one sentence?",
    "coverage": "What else would you need to cover to answer this fully?",
    # behavioral
    "situation": "Set the scene for me: when was this, and how big was the team and the product?",
    "ownership": "What was your decision in that, specifically — not the team's?",
    "actions": "What got in the way, and what did you do about it?",
    "result": "How did you know it worked — what moved, from what to what, and over how long?",
    "reflection": "What would you do differently if you ran it again?",
    "tradeoffs_stakeholders": "What did you give up to get that, and who disagreed with you?",
    # product design
    "problem_framing": "Before we go further — what is the user's problem here, in their words?",
    "user_segment": "Which users would you build this for first, and why them?",
    "metrics_first": "How would you know this worked? What is the one metric, and what must not get worse?",
    "options": "What other ways could you solve this, and why did you pick this one?",
    "tradeoffs": "What does this cost us? Can you quantify the trade-off?",
    "scoped_v1": "What would you ship in the first six weeks, and what waits?",
    "risks_rollout": "What could go wrong, and how would you roll it out safely?",
    # metrics
    "goal_first": "What is the goal of the product here, before we pick a metric?",
    "north_star": "Define your north-star metric precisely: the unit, the window, and the guardrails.",
    "diagnosis": "How would you tell whether this is one region, one device, or a data problem?",
    "experiment": "How would you design the experiment — control, randomisation unit, duration, significance?",
    "metric_tradeoffs": "What if your main metric goes up but another goes down — how would you decide?",
    # technical
    "requirements": "What are the requirements and the scale you are designing for?",
    "concepts": "Walk me through how that works under the hood.",
    "options_compared": "What is the alternative design, and how do they compare on latency and cost?",
    "debugging": "What is your first hypothesis, and how would you confirm or rule it out?",
    "rollout_rollback": "How would you roll this out, and when would you roll it back?",
    "honest_limits": "Where does your knowledge run out here, and how would you fill the gap?",
    # strategy
    "goal_context": "What is Netflix trying to achieve with this, and why now?",
    "market_facts": "What do you know about this market and what competitors are doing in it?",
    "netflix_advantage": "Why would Netflix win here rather than a competitor?",
    "options_tradeoffs": "What are the alternatives to your strategy, and what does each cost?",
    "success_metrics": "How would you know in a year whether this strategy is working?",
    "risks": "What is the biggest risk, and how would you mitigate it?",
    "phased_plan": "What would you do first, and what would make you stop or continue?",
    # estimation
    "assumptions": "What are you assuming, and where does each number come from?",
    "segmentation": "How would you break that number down into parts you can estimate?",
    "arithmetic": "Can you walk me through the maths step by step?",
    "sanity_check": "How would you sanity-check that number another way?",
    "range_answer": "What is your range, and what would move it up or down?",
    # culture
    "culture_themes": "Which part of the culture memo do you mean, specifically?",
    "personal_story": "Can you give me an example from your own work where you did that?",
    "company_knowledge": "What do you know about where Netflix's product and business are heading?",
    "contribution": "What would you bring to this team in your first few months?",
}

RED_FLAG_PROBES = {
    "talk_to_engineering": "Say engineering is in the room and asks what you think. What is your view?",
    "rigidity": "When would you not use that approach?",
    "no_user": "Who is the user in this, and what changes for them?",
    "vague_self": "Can you give me an example that shows that?",
    "generic_why_netflix": "Many people love watching Netflix. Why do you want to work on it?",
    "blaming": "What part of that was in your control, looking back?",
    "denies_failure": "Take the worst moment of that project. What would you do differently?",
    "dont_know": "Take a guess out loud: what would you look at first, and why?",
}
