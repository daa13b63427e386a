"""Invented outreach messages, labelled good or bad, for the outreach checker's accuracy test and benchmark.

Written for this project (not taken from any source) and varied on purpose: LinkedIn notes and
emails, direct and indirect questions, curly apostrophes and accents, negations. The checker's
rules are written for real messages, not for these; this set only shows whether they generalise.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Example:
    label: str  # "good" or "bad"
    text: str
    why: str


GOOD = [
    Example(
        "good",
        "Hi Priya, I read your post on the Netflix Tech Blog about isolating A/B tests across devices. "
        "How did you decide which guardrail metrics could block a launch? I'm preparing for product case "
        "interviews, so even a two-line reply would help a lot.",
        "names a post, one precise question, small ask, preparation framing",
    ),
    Example(
        "good",
        "Hello Marcus — your talk at QCon on regional failover was the clearest explanation of cache "
        "fallbacks I’ve found. When the recommendation cache went stale during an outage, what did you treat "
        "as the acceptable freshness window, and why? A short reply is plenty. Thanks, Dana",
        "names a talk, one precise trade-off question, curly apostrophe",
    ),
    Example(
        "good",
        "Dear Ms. Okafor,\n\nI'm a final-year computer science student preparing for Netflix's "
        "early-career PM interviews, and I've been studying the download feature your team launched for "
        "members on prepaid mobile plans. I read the write-up you co-authored on how downloads were limited "
        "per device.\n\nOne question I couldn't answer from the public material: how did you weigh storage "
        "limits on low-end phones against completion rate when you set the cap? I'm building a practice case "
        "on offline viewing and want to get the trade-off right.\n\nNo need for a call — a sentence or two by "
        "reply would be more than enough.\n\nThank you,\nLeo Martins",
        "an email under 150 words: named launch, one trade-off question, declines a call",
    ),
    Example(
        "good",
        "Hi Jun, I watched your keynote about the ads tier rollout. Why did you launch in a few markets "
        "first instead of everywhere at once? Preparing for a case interview and trying to understand the "
        "sequencing.",
        "names a keynote, one why-question about a decision",
    ),
    Example(
        "good",
        "Hey Aisha, saw the profile-switching redesign your team shipped last month. I'm curious how you "
        "measured whether switching got faster — was it time-to-play or fewer wrong-profile sessions?",
        "names a redesign, one metric question",
    ),
    Example(
        "good",
        "Hi Tomás, your paper on adaptive bitrate for mobile networks helped me a lot. What baseline "
        "did you compare rebuffering against in the field test? Thanks!",
        "names a paper, one precise question, accented name",
    ),
    Example(
        "good",
        "Hi Grace, I listened to your podcast episode on experimentation culture. You mentioned killing "
        "a feature that won its A/B test — what signal told you it was still the wrong call? I'm researching "
        "this for my case prep; a two-line reply is plenty.",
        "names a podcast, one precise question",
    ),
    Example(
        "good",
        "Hi Omar, I enjoyed your article about reducing buffering at peak hours in Brazil. How did you "
        "choose between pre-positioning content and lowering the default bitrate? Totally fine if a quick "
        "reply is all you have time for.",
        "names an article, one trade-off question",
    ),
    Example(
        "good",
        "Dear Dr. Chen, I read your recent blog post on personalisation versus system load. I'm "
        "preparing for a product case round and would value one answer: which metric told you the extra "
        "personalisation was worth the serving cost? Many thanks, Ruth",
        "names a blog post, one metric question",
    ),
    Example(
        "good",
        "Hi Sofia — the ‘Top 10 in your country’ row you launched is one I've been dissecting for a "
        "practice case. How did you decide the row should be country-level rather than city-level?",
        "names a launch with curly quotes, one decision question",
    ),
    Example(
        "good",
        "Hi Ben, I came across your team's write-up on chaos engineering for the API gateway. What was "
        "the hardest trade-off in deciding how much failure to inject in production? Happy with a one-line "
        "answer. Thank you!",
        "names a write-up, one trade-off question",
    ),
    Example(
        "good",
        "Hi Mei, your LinkedIn post about the kids' 'continue watching' row made me rethink my practice "
        "case. Why did you cap the row at a handful of titles? A short reply is plenty — thanks for writing "
        "it up.",
        "names a post (platform then topic), one why-question",
    ),
    Example(
        "good",
        "Hello Raj, I'm preparing for PM interviews and studying your talk at Strata on retention "
        "cohorts. Could you share how you separated seasonal churn from churn caused by the price change? "
        "Would be grateful for even a brief reply.",
        "polite wrapper around one precise churn question",
    ),
    Example(
        "good",
        "Hi Ana, loved your post on niche-genre discovery. How did you define success for the "
        "experiment — watch time or new titles started? Prepping for case interviews.",
        "a short LinkedIn note: named post, one success question",
    ),
    Example(
        "good",
        "Hi Kwame,\n\nI read your article on designing shared family accounts. I'd love to understand "
        "how you decided which settings stay per-profile and which are shared across the household — I'm "
        "working through a similar practice case.\n\nIf you have five minutes to reply, that would be "
        "wonderful; if not, no worries at all.\n\nBest,\nIris",
        "an indirect question (no question mark), small ask",
    ),
    Example(
        "good",
        "Hi Lara, your talk at Product School on the games launch was great. How did you pick the "
        "first-week metric for a mobile game that lives inside a streaming app? Fifteen minutes on a call "
        "would be generous, but a quick reply is plenty.",
        "named talk, one metric question, 15-minute ask",
    ),
    Example(
        "good",
        "Hi Rosa, I’m not asking for a referral — I'm preparing for the case round and read your post "
        "on autoplay for limited data plans. How did you measure whether autoplay hurt members on prepaid "
        "data? A one-line reply is plenty.",
        "a negated referral mention, named post, one precise question",
    ),
]

BAD = [
    Example(
        "bad",
        "Hi! I'd love to learn how to get hired at Netflix. Could we set up a 30-minute call this week?",
        "asks how to get hired and for a 30-minute call",
    ),
    Example(
        "bad",
        "Hello Sam, I'm a huge fan of Netflix and it's my dream company. Would you be willing to refer "
        "me for the APM role? I've attached my resume for your reference.",
        "flattery, a referral ask and an attached résumé",
    ),
    Example(
        "bad",
        "Hi Jordan, I recently applied for the Product Manager position (job ID 48213). Could you put in "
        "a good word with the hiring manager? Thanks so much!",
        "mentions the application, asks for a good word",
    ),
    Example(
        "bad",
        "Dear Hiring Team, please find attached my CV. I'm passionate about entertainment and would love "
        "to join your team.",
        "attached CV and a hiring ask",
    ),
    Example(
        "bad",
        "Hi Kim, I interviewed for the associate PM role last month but didn't get the offer. Could you "
        "tell me what I could have done better in my interview?",
        "feedback after a rejection",
    ),
    Example(
        "bad",
        "Hey Alex, after my rejection last week I'm trying to understand why I was turned down. Any "
        "feedback would mean a lot.",
        "feedback after a rejection",
    ),
    Example(
        "bad",
        "Hi Nora, you’re amazing and such an inspiration! I love Netflix and I'd love to pick your brain "
        "sometime over coffee.",
        "generic flattery and a big ask",
    ),
    Example(
        "bad",
        "Hi Chris, big admirer of your work. Are there any openings on your team? Let me know if there "
        "are any roles that fit my background.",
        "flattery and asks about openings",
    ),
    Example(
        "bad",
        "Hello, could you forward my application to the recruiter for the early-in program? Happy to send my CV too.",
        "asks to forward an application, offers a CV",
    ),
    Example(
        "bad",
        "Hi Dev, I'm looking for PM roles and would love any advice. What's it like working at Netflix? "
        "How did you get your job? What should I study? Do you have tips for the interview?",
        "job hunting, many vague questions",
    ),
    Example(
        "bad",
        "Hi Maya, would you be open to referring me? I'm not asking for much, just a referral link.",
        "a referral ask that the negation does not cancel",
    ),
    Example(
        "bad",
        "Hi Taylor,\n\nI hope this message finds you well! My name is Chris and I am a recent graduate "
        "who has always been passionate about streaming and entertainment. Netflix has been my dream company "
        "for as long as I can remember, and I truly admire everything your team has accomplished. I have "
        "experience in marketing, data analysis and project management from two internships, and I believe I "
        "would be a great fit for a product role. I would really appreciate the chance to learn about your "
        "career path and how you got to where you are today. What does a typical day look like for you? What "
        "skills matter most? How competitive is the process? Would you be available for a 45-minute video "
        "call sometime next week? I am flexible and can work around your schedule. Thank you so much for "
        "your time and consideration, and I look forward to hearing from you soon.\n\nBest regards,\nChris",
        "a long email: flattery, career-path questions, a 45-minute call",
    ),
    Example(
        "bad",
        "Hi Sam, your insightful post was so inspiring! I'd love to get my foot in the door at Netflix. "
        "See my resume attached.",
        "flattery, foot in the door, résumé attached",
    ),
    Example(
        "bad",
        "Hi Leah, I know you can't share feedback officially, but why was I rejected after the case "
        "presentation round?",
        "asks why they were rejected",
    ),
    Example(
        "bad",
        "Hi Jo, I'm exploring new opportunities in product management and have been a longtime admirer "
        "of Netflix. Would you have time for a quick call to tell me more about your journey?",
        "job hunting, flattery, an open-ended call",
    ),
]

DEVSET = GOOD + BAD
