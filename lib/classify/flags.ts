import type { Flag, FlagName } from './types';

/**
 * Transparent rules for flags. Each rule is a regular expression over the post; a match raises
 * the flag with the matched words as evidence, unless a negation just before it ("I'm not
 * cancelling", "no one was hurt") turns it off. Personal data evidence is masked: the flag says
 * what kind of data was posted, not the data.
 */

interface Rule {
  flag: FlagName;
  re: RegExp;
  /**
   * Literal stand-ins for the hint's alternatives that are not plain words (`|`-separated, each
   * one found in every text the alternative matches; '' = handled by the gate's own code).
   */
  overrides: Record<string, string>;
  /**
   * The rule's hint: the gate finds its literals (with the overrides) in one pass over the
   * lower-cased post, and the rule runs only when one is there (most posts hold none).
   * Each alternative must hold a piece of every text the expression's alternatives match; the
   * pieces are as long as makes them rare ("it's been", not "been"; "(?:r|s|i|e) crashed" for
   * "driver, car, bus, taxi, uber or vehicle crashed"; "(?:t|s|e|n|y) hurt" for "got, was, were,
   * been, badly hurt"), and short enough to keep the gate's table small. A trailing `\b` marks a
   * piece that must end a word ("sick\b", not "sickness"); "0" stands for any digit. A test writes
   * random matches of every expression and holds the gate to them.
   *
   * An expression run costs about 1.8 µs in the classifier (irregexp's code for the 24 is 1 MB,
   * out of the processor's caches by the time a post needs it), so a post let through for nothing
   * costs that much: the pieces take in a word around the rule's word ("hurt m" for "hurt my",
   * "(?:the|ur|s|d|g) support" for "called your support") where the word alone is common.
   */
  hint: RegExp;
  /** A negation in the few words before the match cancels it. */
  negatable: boolean;
  /** Drop the match when it ends inside one of these phrases. */
  unless?: RegExp;
  /**
   * The rule matches only where the post's text starts, after its leading handles (see
   * leadingHandlesEnd): its expression is sticky and tried there alone.
   */
  atStart?: boolean;
}

const NEGATION_BEFORE = /(?:\b(?:not|never|no|nobody|no one|noone|without|won'?t|don'?t|didn'?t|doesn'?t|isn'?t|wasn'?t|aren'?t|weren'?t|can'?t|cannot|wouldn'?t|shouldn'?t|haven'?t|hasn'?t|ain'?t)\b|n't)(?:\s+[^\s.,;:!?]+){0,3}\s*$/i;

function rule(flag: FlagName, hint: RegExp, source: string, negatable: boolean, unless?: RegExp, overrides: Record<string, string> = {}): Rule {
  return { flag, overrides, hint, re: new RegExp(source, 'gi'), negatable, unless };
}

/** A rule whose expression matches only at the start of the post's text, after its leading handles. */
function ruleAtStart(flag: FlagName, hint: RegExp, source: string, negatable: boolean): Rule {
  return { flag, overrides: {}, hint, re: new RegExp(source, 'giy'), negatable, atStart: true };
}

/**
 * The leading handles (and ".@handle"s) with the spaces after them: "@acme @bob ". Written as a
 * lookbehind before an expression, `(?<=^(?:[@.]\S*\s+)*)`, this costs a walk back to the post's
 * start at every place the expression is tried (a post of thousands of handles took seconds);
 * the one place it allows a match that starts with a letter is where this run ends.
 */
const LEADING_HANDLES_RE = /^(?:[@.]\S*\s+)*/;
function leadingHandlesEnd(text: string): number {
  return LEADING_HANDLES_RE.exec(text)![0].length;
}

const RULES: Rule[] = [
  // Legal threat: lawyers, courts, regulators, "I'll sue you" (one rule since the twenty-ninth
  // session, three before: the gate's mask holds 30 rules).
  rule('legal', /lawyer|attorne|solicitor|barrister|legal (?:a|t|p|d|c|r)|law ?suit|class.action|small claims|courts?\b|tribunal|sued|suing|litigation|(?:ll|to|na|an|ld|ht|ay) sue|sue (?:y|u|t|@)|regulator|ombudsman|standards|ofcom|ofgem|ofwat|cfpb|ftc|fcc|bbb|business bureau|attorney general|attorneygeneral|consumer|data protection|gdpr|accc|competition and| dot\b| faa\b| caa\b| fda\b| ico\b| fca\b| puc\b|cpuc|crtc|transportation|aviation authority|conduct authority|commissioner|(?:utility|utilities|service) commission|of insurance|breach of contract|section 75/, String.raw`\b(?:lawyers?|attorneys?|solicitors?|barristers?|legal (?:action|team|advice|proceedings|department|claim|recourse|route)|law ?suits?|class[- ]action|small claims|court(?:s| case| order)?|tribunal|sued|suing|litigation)\b|\b(?:(?:i'?ll|i will|we'?ll|we will|going to|gonna|want to|to|can|could|should|might|may) sue|sue (?:you|u|them|your|the|this|@\w+))\b|\b(?:regulators?|ombudsman|trading standards|ofcom|ofgem|ofwat|cfpb|ftc|fcc|bbb(?:_us)?|better business bureau|attorney ?general|consumer (?:protection|rights|affairs)|data protection (?:authority|commissioner)|gdpr|accc(?:govau)?|competition and markets authority)\b|\b(?:report(?:ed|ing)?|complain(?:ed|ing|t|ts)?|file[ds]?|filing|contact(?:ed|ing)?|escalat(?:e|ed|ing)|writ(?:e|ing)|wrote|notif(?:y|ied|ying))(?: \S+){0,5}? (?:to|with) (?:the )?(?:us dot|dot|department of transportation|faa|caa|civil aviation authority|fda|ico|information commissioner'?s? office|fca|financial conduct authority|crtc|cpuc|puc|public (?:utility|utilities|service) commission|(?:state )?insurance commissioner|(?:department|dept) of insurance)\b|\b(?:breach of contract|section 75)\b`, true, /\b(?:food|tennis|basketball) court/i, { 'class.action': 'class action|class-action' }),
  // Safety: injury, danger, fire, medical.
  rule('safety', /injur|(?:t|s|e|n|y) hurt|hurt (?:m|h|t|u)|burned|burnt|severe burn|on fire|ght fire|set fire|fire (?:ha|ri|al|br|de)|flame|smoke (?:c|p|e)|smell(?:s|ed|ing)? (?:o|b|g)|explod|explosion|overheat|sparks? (?:c|f|o|e)|sparking|(?:ic|al) shock|electrocut|danger|hazard|unsafe|not safe|safety (?:i|c|h|r)|hospital|a&e|emergency r|ambulance|paramedic|medic|insulin|allerg|anaphyla|poison|chok|monoxide|gas leak|sick\b| ill\b|vomit|throwing up|bleeding|assault|harass|threatened (?:m|u)|(?:of|nd) (?:glass|plastic|metal)|(?:glass|plastic|metal) in |(?:cut|sliced|slit) (?:my|his|her|their) |(?:my|a|is|er) (?:tooth|teeth)|recalled|recall (?:no|le|li|ca|re|nu)|(?:a|e|t|y|n|r) recall/, String.raw`\b(?:injur(?:y|ies|ed|ing)|(?:got|was|were|been|get) (?:badly |seriously )?(?:hurt|injured|burn(?:ed|t))|hurt (?:my|his|her|their|me|him|us|myself|herself|himself)|burned (?:my|me|his|her)|severe burns?|caught (?:on )?fire|set (?:on )?fire|set (?:\w+ ){1,2}on fire|(?:is|was|were|are|am|been|be|'s|’s) (?:literally |now |actually |still )?on fire|fire (?:hazard|risk|alarm|brigade|department|dept)|burst into flames|flames|smoke (?:coming|pouring|everywhere)|smell(?:s|ed|ing)? (?:of )?(?:burning|gas)|explod(?:e|ed|es|ing)|explosion|overheat(?:s|ed|ing)?|sparks? (?:came|coming|flying|flew|fly|from|out|everywhere)|sparking|electric(?:al)? shock|electrocut\w*|dangerous|danger|hazard(?:ous)?|unsafe|not safe|safety (?:issue|concern|hazard|risk)|hospital|a&e|emergency room|ambulance|paramedics?|medical|medication|insulin|allerg(?:y|ies|ic)|anaphyla\w*|food poisoning|poison(?:ed|ing)|chok(?:e|ed|ing)|carbon monoxide|gas leak|(?:got|made (?:me|us|my \w+)) (?:really |so |very )?(?:sick|ill)|vomit\w*|throwing up|bleeding|assault(?:ed)?|harass(?:ed|ment|ing)|threatened (?:me|us|my)|(?:piece|bit|shard|chunk|pieces|bits|shards|chunks) of (?:glass|plastic|metal)|f(?:ou|i)nd (?:glass|plastic|metal)|(?:glass|plastic|metal) in (?:my|the|our|your|his|her) (?:food|meal|drink|sandwich|burger|burrito|bowl|salad|soup|pizza|can|bottle|cereal|bread|chocolate|coffee|dinner|lunch|breakfast|order)|(?:cut|sliced|slit) (?:my|his|her|their) (?:mouth|lips?|tongue|gums?|hand|fingers?|foot|feet|leg|arm|face|head) ?(?:open)?|(?:chipped|cracked|broke|broken) (?:my|a|his|her) (?:tooth|teeth)|recalled|recall (?:notice|letter|list|campaign|repair|number)|(?:a|the|product|safety|vehicle|open|under) recall)\b`, true),
  // Safety, read on the hand-flagged twcs posts (fifteenth session): accidents, a head injury,
  // someone unconscious or possibly dead, the ER, threats.
  rule('safety', /(?:r|n) accident|(?:r|s|i|e) crashed|crashed (?:in|my|th)|hit my head|head injur|unconscious|(?:in|to|at) the er|could have (?:been )?(?:di|de|ki)|(?:e|y|n|s) dead|threaten/, String.raw`\b(?:car accident|(?:in an|had an|been in an|got in an|into an) accident|(?:driver|car|bus|taxi|uber|vehicle) crashed|crashed (?:into|my car|the car)|hit my head|head injur(?:y|ies)|(?:was|is|be|been|found|lying|left) unconscious|unconscious (?:in|on|and)|(?:in|to|at) the er|could have (?:been )?(?:died|dead|killed)|(?:someone|somebody) (?:could have been |might be |was |is )?dead|threaten(?:s|ed|ing)? (?:me|us|my))\b`, true),
  // Safety, twenty-eighth session, read on 400 hand-flagged brand posts (brand-train's IBM posts,
  // 2020): people put at risk ("your employees are at high risk", "put themselves and their loved
  // ones at risk", "high risk people") and the spread of a disease.
  rule('safety', /(?:t|h|s|l) risk|h-risk|spread (?:o|t|c|v|d|i|g)|spreading (?:o|t|c|v|d|i|g)|the spread/, String.raw`\b(?:(?:lives?|health|people|employees|staff|workers|customers|passengers|family|families|children|kids|babies|themselves|ourselves|myself|yourselves|loved ones|elderly|patients|us|them|me) (?:\w+ ){0,2}at (?:high |serious |great |real )?risk|high[- ]risk (?:people|person|group|groups|category|individuals|patients|families|members|employees|workers)|(?:stop|slow|prevent|contain|reduce|help(?:ed|ing|s)? (?:with )?) the spread|spread(?:ing)? (?:of )?(?:the )?(?:coronavirus|corona|covid\S*|virus|disease|infection|germs))\b`, true),
  // … and, read on 1,306 more: fumes or smoke in a car, a near miss, undercooked or mouldy food,
  // poor hygiene, a swollen battery, a fall, bullying, a weak immune system, "can kill"; and
  // (twenty-ninth session, read on 1,160 hand-flagged twcs posts) something in the food ("a hair in
  // my soup", "a bone in"), a chemical taste or smell, a weapon, reckless or drunk driving, running
  // a red light, "trying to kill me", seizures.
  rule('safety', /(?:hairs?|bones?|insects?|roach(?:es)?|maggots?|worms?|flies|fly|napkins?|band-?aids?|nails?|screws?|stones?|chemicals?) in|foreign (?:o|b|m)|chemical|bleach|(?:ke|of) (?:clean|soap)|detergent|gasoline|petrol|diesel|ammonia|disinfect|gun\b|guns\b|knife|knive|weapon|firearm|pistol|rifle|machete|blade|reckless|erratic|speeding|drunk|weaving|red light|(?:ng|ed|ry) to kill|seizure|epilep|asthma attack|fumes|smoke smell|smell of smoke|(?:ls|ll|ng|ke|ed) like (?:smoke|burn|gas)|(?:almost|nearly) (?:d|k|c|h)|terrified|spun out|spin out|undercooked|raw (?:c|m|p)|pink|mouldy|moldy|mould (?:i|o)|mold (?:i|o)|hygien|unsanitary|swollen|swelling|bulging|slipped (?:a|o)|tripped (?:a|o)|bullied|bullying|immune system|immunocompromised|immuno-compromised|(?:can|could|might) kill|health (?:ris|haz)/, String.raw`\b(?:(?:exhaust |engine |toxic )?fumes|smoke smell|smell of smoke|(?:smells?|smelled|smelling|smoke) like (?:smoke|burning|gas)|(?:almost|nearly) (?:die|died|dying|killed|crashed|hit)|(?:i|we) (?:was|were|am|are) (?:absolutely |so |really )?terrified|spun out|spin out|undercooked|raw (?:chicken|meat|pork)|(?:chicken|meat|pork|burger) (?:was |is )?(?:all |still )?pink|(?:still |all )pink (?:inside|in the middle)|mou?ldy|mou?ld (?:on|in) (?:the|my|our|your) (?:\w+ )?(?:food|bread|fruit|cheese|cake|sandwich|walls?|ceiling|bathroom|room|flat|apartment|house|fridge)|food hygiene|(?:poor|bad|terrible|awful|no|zero|lack of) hygiene|hygiene (?:standards|issues?|problems?|rating)|unhygienic|unsanitary|(?:battery|phone|laptop|charger) (?:is |was |has )?(?:swollen|swelling|bulging)|swollen battery|slipped and (?:fell|hurt \w+)|slipped on (?:a|the|some|your|wet) \w+|tripped (?:and fell|over (?:a|the|some|your) \w+)|(?:being|been|was|were|am|is|getting|get) bullied|bullying (?:me|my|us|our|him|her|them)|cyber ?bullying|immune system|immuno-?compromised|(?:can|could|might) kill (?:some of us|people|someone|somebody|my \w+)|health (?:risks?|hazards?)|(?:hairs?|bones?|insects?|cockroach(?:es)?|roach(?:es)?|maggots?|worms?|flies|fly|napkins?|band-?aids?|nails?|screws?|stones?|chemicals?|foreign (?:objects?|bod(?:y|ies)|materials?)) (?:in|inside) (?:(?:my|the|our|his|her|your|a|this|their|y'?all'?s) )?(?:\w+ )?(?:food|meal|soup|bowl|burrito|boorito|salad|sandwich|burger|pizza|fries|drink|coffee|tea|cup|rice|chicken|taco|wrap|bread|cereal|dinner|lunch|breakfast|dish|plate|chips|nuggets|curry|pasta|noodles|cake|milk|juice|water|bottle|meat|beans|guac\w*)|(?:tastes?|tasted|tasting|smells?|smelled|smelling|smelt)(?:/(?:smells?|tastes?))? (?:like|of) (?:chemicals?|bleach|cleaning (?:products?|fluids?|chemicals?|solution)|soap|detergent|gasoline|petrol|diesel|ammonia|disinfectant)|(?:with|had|has|have|carrying|carries|pulled(?: out)?|pulls(?: out)?|brandish(?:ed|ing)|waving|waved|pointed|pointing|holding|held|showed|flashed|reached for) (?:a|his|her|their) (?:loaded )?(?:guns?|weapons?|firearms?|pistols?|handguns?|rifles?)|(?:pulled(?: out)?|pulls(?: out)?|brandish(?:ed|ing)|waving|waved|pointed|pointing|threatened (?:me|us|him|her) with|flashed) (?:a|his|her|their) (?:knife|knives|machete|blade)|(?:reckless|drunk|erratic|speeding) driv(?:er|ers|ing)|driv(?:ing|es|e|er|ers) (?:recklessly|erratically|drunk)|weaving (?:in and out of|through) traffic|ran (?:a|the|two|\d+) red lights?|running (?:red lights|a red light)|(?:trying|tried|try|attempted|attempting) to kill (?:me|us|my \w+|someone|somebody|people|customers|passengers|him|her|them)|seizures?|epilep\w*|asthma attack)\b`, true),
  // Safety, twentieth session: violence against the customer or their family ("an act of battery
  // on the plane against a child", "ripped at my son's feet", "the driver shoved my wife").
  rule('safety', /act of |physically |attacked |assaulted |grabbed |shoved |kicked |punched |slapped |struck |hit (?:my|our|his|her) |rip at |ripped at |ripping at |yanked |pulled at |pulling at |pull at /, String.raw`\b(?:act of (?:battery|violence|aggression)|physically (?:attacked|abused|assaulted|grabbed|pushed|threatened|harmed|hurt|restrained)|(?:attacked|assaulted|grabbed|shoved|kicked|punched|slapped|struck|hit|yanked|pulled at|rip(?:ped|ping)? at) (?:my|our|his|her) (?:\d+ ?(?:year|yr)[- ]old |little |baby |elderly |disabled |pregnant )?(?:son|daughter|child|children|kids?|baby|toddler|boy|girl|wife|husband|partner|mother|mom|mum|father|dad|grandmother|grandma|grandfather|grandpa|sister|brother|family)(?!['’]s)|(?:rip(?:ped|ping)?|pull(?:ed|ing)?) at (?:my|our|his|her) (?:feet|foot|legs?|arms?|hair|hands?))\b`, true),
  // Safety, thirtieth session, written from the guideline's categories (not read on posts):
  // self-harm, a sudden medical event (a heart attack, fainting, heatstroke), a life-sustaining
  // machine (oxygen, dialysis), germs in food, a crime against the customer (mugged, stabbed,
  // groped, stalked, spat on), a car's brakes or tyre failing, a broken bone, stitches, bed bugs,
  // being trapped in a lift.
  rule('safety', /suicid|kill(?:ing)? myself|end(?:ing)? my (?:own )?life|take my (?:own )?life|self(?:-| )?harm|heart attack|(?:a|n) stroke|panic attack|anxiety attack|fainted|passed out|collapsed|blacked out|heat ?stroke|heat exhaustion|hypotherm|frostbite|dehydration|oxygen|dialysis|ventilator|life support|breathing machine|cpap|nebuli|insulin pump|feeding tube|coli\b|salmonel|listeri|norovirus|botulism|diarrh|mugged|stabbed|grop|raped|kidnap|stalk|attacked|beaten up|beat up|spat on|gunpoint|knifepoint|sexual|indecent|exposed h|followed (?:me|us)|(?:grabbed|shoved|punched|slapped|strangled) (?:me|us)|inappropriately|(?:spat|spit) (?:at|on) (?:me|us)|brake|steering|airbag|accelerator|(?:tyre|tire) (?:bl|bu|ex)|highway|motorway|freeway|interstate|fast lane|fractured|sprained|dislocated|(?:broke|broken) my (?:arm|leg|wri|ank|nos|hip|foo|han|fin|toe|rib|bac|nec|jaw|kne|sho|col|lef|rig)|concussion|stitches|scalded|bitten by|bedbug|bed bug|lift\b|elevator|trapped (?:i|o)/, String.raw`\b(?:suicidal|(?:commit|committing|commits|committed|attempted|attempt|attempting|thinking (?:of|about)|thoughts of|contemplating) suicide|suicide (?:note|attempt|watch|hotline|prevention|risk)|kill(?:ing)? myself|end(?:ing)? my (?:own )?life|take my (?:own )?life|self[- ]?harm(?:ing)?|(?<!\b(?:nearly|almost|practically|basically|literally) )(?:had|having|suffered|suffering) an? (?:heart attack|stroke(?! of)|panic attack|anxiety attack)|(?:i|he|she|they|we|(?:my|our|his|her) (?:\w+ )?(?:mom|mum|mother|dad|father|son|daughter|wife|husband|partner|child|kid|baby|friend|grandma|grandmother|grandpa|grandfather|sister|brother|girlfriend|boyfriend)) (?:almost |nearly |just |had |has |have )?(?:fainted|collapsed|blacked out|passed out(?=\s*(?:[.,!?;:]|$|(?:on|in|at|from|after|during|while|when|and|because|due|cold|again|twice|today|yesterday)\b)))|heat ?stroke|heat exhaustion|hypotherm(?:ia|ic)|frostbite|dehydration|(?:on|need|needs|rely on|relies on|depend on|depends on|use|uses) (?:an? |his |her |my )?(?:oxygen|dialysis|ventilator|life support|breathing machine|cpap|nebuli[sz]er|insulin pump|feeding tube)|e\.? ?coli|salmonella|listeria|norovirus|botulism|diarrh(?:o?ea|ea)|(?:was|were|been|got|get|getting) (?:sexually )?(?:mugged|stabbed|groped|raped|kidnapped|stalked|beaten up|beat up|spat on)|(?:was|were|been|got|get|getting) attacked (?:by|in|at|on|outside|inside)|at (?:gun|knife)point|stalk(?:ing|ed) (?:me|us|my \w+)|sexual(?:ly)? (?:assault\w*|harass\w*|abuse\w*|misconduct)|grop(?:ed|ing)|indecent exposure|exposed (?:himself|herself)|followed (?:me|us) (?:home|to my car|to the car|out)|(?:grabbed|shoved|punched|slapped|strangled) (?:me|us)|touch(?:ed|ing) (?:me|us) inappropriately|inappropriately touch(?:ed|ing)|(?:spat|spit) (?:at|on) (?:me|us)|(?:brakes?|steering|airbags?|accelerator) (?:\w+ )?(?:failed|failure|went out|gave out|stopped working|locked up|malfunction\w*|(?:didn'?t|did not|don'?t|doesn'?t|not) work(?:ing)?)|(?:tyre|tire) (?:blew|blowout|burst|exploded)|(?:stalled|broke down|broken down|cut out|died|shut off|shut down|stopped) (?:\w+ ){0,2}(?:on|in) (?:the )?(?:middle of the )?(?:highway|motorway|freeway|interstate|fast lane)|(?:fractured|sprained|dislocated) (?:my|his|her|their|a|an) (?:left |right )?\w+|(?:broke|broken) my (?:left |right )?(?:arm|leg|wrist|ankle|nose|hip|foot|hand|finger|toe|ribs?|back|neck|jaw|knee|shoulder|collarbone)|(?:got|have|had|has|with|suffered|suffering|gave (?:me|him|her|us)) (?:a )?concussion|(?:needed|got|had|required|needing) (?:\d+ )?stitches|\d+ stitches|scalded (?:my|me|his|her)|bitten by (?:a|the|your|their|my) (?:dog|cat|spider|snake|insect|mosquito|mosquitos|mosquitoes|rat|mouse|animal|bed ?bugs?)|bed ?bugs?|(?:stuck|trapped|locked) (?:in|inside) (?:an?|the|your|my) (?:lift|elevator)|trapped (?:in|inside|on) (?:an?|the|your|my) (?:car|train|plane|building|room|toilet|bathroom|carriage|tunnel|vehicle|bus))\b`, true),
  // Churn: leaving, cancelling the relationship (not a cancelled flight).
  rule('churn', /(?:cancel(?:l?ing|l?ed)?|close|closing|terminat(?:e|ing)) (?:my|our|the)|cancel(?:l?ing|l?ed|s)? (?:s|a|m|c|t|y)|end(?:ing)? (?:my|our|the) (?:a|s|c|m|p|b|i|l)/, String.raw`\b(?:(?:cancel(?:l?ing|l?ed)?|close|closing|terminat(?:e|ing)|end(?:ing)?) (?:my|our|the) (?:account|subscription|contract|membership|service|plan|policy|broadband|internet|line|package|prime|card|credit card|insurance|sub)|cancel(?:l?ing|l?ed|s)? (?:all (?:of )?(?:my|our) |these |those |your )?(?:subscriptions|accounts|memberships|contracts))\b`, true),
  rule('churn', /(?:'m|im|am|re|ll|to|na|be|ve|of|ut|ng) (?:cancel|leav|switch|quit|unsubscrib|port)/, String.raw`\b(?:(?:i'?m|i am|we'?re|we are|i will|i'?ll|we will|we'?ll|going to|gonna|want to|wanna|about to|ready to|decided to|time to|have to|will be|i'?ve|we'?ve|thinking (?:of|about)|considering|contemplating) (?:cancel(?:l?ing)?|leav(?:e|ing)|switch(?:ing)?|quit(?:ting)?|unsubscrib\w*|port(?:ing)? (?:my|our) number|switched|cancell?ed (?:my|our)))\b`, true, /\b(?:leav(?:e|ing) (?:a |my |the |an )?(?:(?:one|two|three|four|five|\d|zero|no)[- ]?stars? |(?:bad|negative|good|honest|poor|positive|terrible|awful|horrible|scathing|nasty|great|glowing) )?(?:review|feedback|comment|message|note|house|home|work|office|now|today|tomorrow|tonight|soon|for|after|early|at|on)|switch(?:ing)? (?:it |them |this )?(?:on|off)|quit(?:ting)? (?:the |on )?(?:app|working))\b/i),
  rule('churn', /switch(?:ing|ed)? (?:t|o|p|c|b|n|s)|moving (?:my b|to an)|taking my (?:b|m|c)|(?:take|took|takes|taking) (?:my|our) (?:bus|cus|pat|mon)|(?:a|another|loyal) customer|lost my business|no longer (?:b|a|c)|never (?:ag|go|us|fl|or|sh|bu|bo|co|re)|won'?t be (?:b|u|o|f|s|r)|done with (?:y|u|@)|find (?:another|a new|a better)|elsewhere|last time i (?:u|o|f|s|b|e|w)|first and last|out of (?:my|our|the|this) (?:con|sub|pla|lea|agr|mem)|termination (?:fee|cha)|(?:other|alternative) (?:opt|pro|com|car|ban|air|ser|net|isp|bra|sup)/, String.raw`\b(?:switch(?:ing|ed)? (?:to|over to|providers?|carriers?|banks?|networks?|suppliers?)|moving (?:my business|to another)|taking my (?:business|money|custom)|(?:take|took|takes|taking) (?:my|our) (?:business|custom|patronage)|(?:take|took|takes) (?:my|our) money (?:elsewhere|somewhere else)|(?:lost|losing|lose) (?:a|another|me as a|a loyal) customer|lost my business|no longer (?:be )?(?:a )?customer|never again|never (?:going back|using|use|fly|flying|order|ordering|shop|shopping|buy|buying|book|booking|coming back|returning)(?: \S+){0,3} again|won'?t be (?:back|using|ordering|flying|shopping|buying|returning|renewing)|done with (?:you|u|@\w+)|find (?:another|a new|a better) (?:provider|bank|carrier|company|supplier|airline|network)|go(?:ing)? elsewhere|(?:will|i'?ll|we'?ll|going to|gonna|i'?m|we'?re|be|time to|now|start) (?:be )?(?:shop|shopping|buy|buying|bank|banking|fly|flying|order|ordering|eat|eating|stay|staying|look|looking) elsewhere|(?:taking|take) (?:my|our) (?:business|money|custom) elsewhere|last time i (?:will )?(?:ever )?(?:use|order|fly|flew|shop|buy|bought|book|stay|eat)\w*|(?:the )?first and last time (?:i|we) (?:will )?(?:ever )?(?:use|order|fly|flew|shop|buy|bought|book|stay|eat|ate|go|went)\w*|(?:want|wants|wanted|get|getting|let (?:me|us)) out of (?:my|our|the|this) (?:contract|subscription|plan|lease|agreement|membership)|early termination (?:fees?|charges?)|(?:consider|considering|look|looking|explore|exploring|weigh|weighing) (?:at |into )?(?:other|alternative) (?:options|providers|companies|carriers|banks|airlines|services|networks|isps|brands|suppliers)|never (?:buying|buy|ordering|order|using|use|shopping|shop|flying|fly|booking|book)(?: anything)? (?:from|off|with|at) (?:you|u|there|them|your|this|that|@\w+))\b`, false, /\bswitch(?:ing|ed)? to (?:the |a )?(?:app|website|web|desktop|mobile|wifi|wi-fi|data|ios|android|new version|dark mode|\d)/i),
  // Churn, read on the hand-flagged twcs posts (fifteenth session): not renewing, shopping around,
  // "I can fly with anyone", taking the business to a named rival; and (twentieth session; one
  // rule since the twenty-ninth, two before: the gate's mask holds 30) a rival that "just gained a
  // customer", "goodbye @acme, hello @rival", a store or credit card cut up, a customer lost to a
  // small charge ("this $50 just cost you thousands", "cost yourself a customer").
  rule('churn', /(?:t|r|o|e) renew|what other|can (?:fly|shop|go|bank) (?:w|a|e)|(?:y|g|p|o|k) with @|going back to @|(?:leave|leaving|quit|quitting|dump|dumping|ditch|ditching|drop|dropping) @|gained |bye @|shred|cut up|cutting up|cost you/, String.raw`\b(?:(?:i|we) (?:won'?t|will not|will never|am not going to|'?m not going to|are not going to|'?re not going to) (?:be )?renew(?:ing|ed)?|won'?t renew|not (?:be )?renewing (?:my|our|the)|(?:see|look at|check out|try) what other (?:companies|providers|carriers|banks|airlines|networks|brands|stores) (?:offer|have|do)|(?:i|we) can (?:fly|shop|go|bank) (?:with anyone|anywhere|elsewhere|with someone else)|(?:fly|flying|shop|shopping|go|going|bank|banking) with @\w+ (?:from now on|instead|next time)|going back to @\w+|(?:leave|leaving|quit|quitting|dump|dumping|ditch|ditching|drop|dropping) @\w+)|\b(?:(?:you|u|you'?ve|you have)(?: just| now)? gained (?:a|another|one more|yourself a) (?:new |loyal |lifelong |life[- ]long |long[- ]time )?(?:customer|client)|(?:good)?bye @\w+,? hello @\w+|(?<!\b(?:they|he|she|it|you|staff|cashier|clerk|agent|machine|atm)(?: just| had| have)? )(?:shred(?:s|ded|ding)?|cut(?:ting)? up) (?:my|the|our) (?:\w+ ){0,2}cards?|cost (?:you|yourself|yourselves) (?:a|an|one|another|my|your|our) (?:\w+ )?(?:customer|client|business|custom)|just cost you (?:thousands?|hundreds?))\b`, true),
  // #DeleteX, #BoycottX, #XInstead, #DontFlyX; and (twenty-eighth session) churn in other words:
  // "will not buy it again", deleting the account, another provider, "done with y'all". These sit
  // in this small expression rather than the switching rule's above: their hints ("again",
  // "until", "another service") let many posts through, and each then runs this expression alone.
  // Twenty-ninth session: a customer lost ("loyal customer just lost", #youlostanewcustomer),
  // "never coming back", "won't ever be a customer", "so done with Amazon", a membership got rid
  // of, money not wasted with the brand again, #neveragain.
  rule('churn', /delete|boycott|instead|don'?t(?:fly|buy|use|shop|book|order)|never(?:fly|buy|use|shop|book|order)|stop(?:fly|buy|use|shop|book|order)|again|anymore|any more|until|unless|delet(?:e|ed|ing) (?:my|an|the|our) |(?:another|different) (?:pro|sou|com|ser|ban|car|sup|air|net|opt|isp|pla|app|sto|sho|bra)|a new (?:pro|sou|com|ser|ban|car|sup|air|net|opt|isp|pla|app|sto|sho|bra)|a competitor|the competition|someone else|chang(?:e|ing) (?:my )?(?:ban|pro|car|net|sup|isp)|uninstalled @|uninstalling|done with (?:y|t)|(?:ot|er|'t|nt|be) (?:spend|giv|wast)|(?:continue|remain|stay) (?:b|a|y|c|m|s)|(?:recommend|suggest) (?:a|b|g|d|n)|better recommend|better alternat|(?:lost|losing|lose) (?:a|th|on|tw|fo|me|0)|(?:er|ers|nt|nts) (?:just )?lost|youlost|neveragain|never (?:coming|going) back|be (?:a|your) customer|done with|rid of (?:my|our)/, String.raw`(?<![\w#])#(?:delete|boycott)\w*|(?<![\w#])#\w+instead\b|(?<![\w#])#(?:dont|don't|never|stop)(?:fly|buy|use|shop|book|order)\w*|\b(?:(?:will not|won'?t|wont|not going to|never going to|never gonna|not gonna) (?:ever )?(?:buy|order|use|fly|shop|book|purchas|com(?:e|ing) back|return|renew|subscrib|recommend)\w*(?: \S+){0,3} (?:again|anymore|any more)|(?:hard|difficult|impossible) (?:for (?:me|us) )?to (?:remain|stay|continue) (?:a|as a|being a) (?:customer|client|member|subscriber)|delet(?:e|ed|ing) (?:my|an|the|our) (?:\w+ )?account|look(?:ing)? (?:for|at|into) (?:another|a new|a different) (?:provider|source|company|service|bank|carrier|supplier|airline|network|option|isp|platform|app)s?|chang(?:e|ing) (?:my )?(?:banks?|providers?|carriers?|networks?|suppliers?|isps?)|(?:i'?ve|i have|i) uninstalled @\w+|(?:considering|thinking (?:of|about)) uninstalling|(?:went|going|go|gone|switched|moved) (?:to|with) (?:(?:another|a different) (?:provider|company|service|bank|carrier|supplier|airline|network|isp|store|shop|brand)|a competitor|the competition|someone else)|done with (?:y'?all|ya'?ll|them|this company|your company|your service)|(?:not|never|won'?t|no longer) (?:be )?(?:spend|spending|give|giving|waste|wasting) (?:you |y'?all |them )?(?:my |another |a |any |one more )?(?:\$|money|dime|penny|cent|business|custom)|(?:won'?t|will not|not going to|never) (?:use|buy from|shop (?:at|with)|fly with|order from) (?:you|u|y'?all|your \w+|their \w+|them|@\w+)(?: \S+){0,3}? (?:until|unless)|(?:not|n't|no longer)(?: \S+){0,4} (?:continue|remain|stay) (?:being |as )?(?:a |your )?(?:customer|client|member|subscriber)|(?:recommend|suggest) (?:a |an )?(?:better|good|different|new) (?:provider|company|service|bank|carrier|airline|network|isp|alternative|option)|better (?:recommendation|alternative)s?|(?:you'?ve |you have |you )?(?:just )?(?:lost|losing|lose) (?:a|another|me as a|this|one|two|three|four|\d+) (?:(?:loyal|long[- ]?time|lifelong|life[- ]long|good|happy|valued|paying|military|new|great|potential|repeat|regular|faithful|future|returning) )?(?:customers?|clients?)|(?:customers?|clients?) (?:just )?lost|never (?:coming|going) back(?! (?:in|into|to) stock)|(?:won'?t|will not|will never|never) (?:ever )?be (?:a|your) customer|(?:so|totally|completely|officially|absolutely|fully) done with (?!(?:my|the|it|that|this|these|those|all|school|work|homework|exams?|today|life|everything|people)\b)[^\s.,!?]+|get(?:ting)? rid of (?:my|our) (?:\w+ )?(?:membership|subscription|account|service|plan|contract|prime|phone line|line|card)s?)\b|(?<![\w#])#(?:youlost\w*|neveragain)\b`, false),
  // Abuse: insults, strong profanity, threats.
  rule('abuse', /idiot|moron|imbecile|clowns|scum|losers|bastard|asshole|arsehole|dickhead|prick|wanker|twat|bitch|cunt|retard|f+u+c+k|f[*#@$]|fck|fuk|fking|effing|stfu|shit|sh[*!]t|piece of (?:s|c|g)|a-hole|ahole|dumbass|dumb ass|jackass|jack ass|lazy ass|u suck|l suck|s suck|y suck|mfs|fke|fki|kill (?:y|u)|go to hell|screw you|ll find you|hope (?:you|u|y'all|yall|you all) (?:die|burn|rot|all|get hit)|hope your (?:com|sto|bus|ceo|sta|emp|wor|dri|man|bos|fam)|die in a |kys\b|(?:burn|torch|bomb|blow up) (?:your|the|down) |watch your back|know where (?:you|u) live|piss off|f off\b|f yourself|fk yourself|pathetic|(?:are|r|is) (?:trash|garbage)|filth|muppets|worthless|brain ?dead/, String.raw`\b(?:idiots?|morons?|imbeciles?|clowns|scum(?:bags?)?|losers|bastards?|assholes?|arseholes?|dickheads?|pricks?|wankers?|twats?|bitch(?:es|ing)?|cunts?|retard(?:s|ed)?|\w*f+u+c+k+\w*|f[*#@$]+c?k\w*|fck\w*|fuk\w*|fking|effing|stfu|shit\w*|sh[*!]t\w*|bullshit|piece of (?:shit|crap|garbage)|a-?holes?|dumb ?ass(?:es)?|jack ?ass(?:es)?|lazy ass|you suck|u suck|(?:you guys|y'?all|they) suck|mfs|fk(?:er|ers|ing|in)|f[*#@$]+(?:ing|in)|kill (?:you|u|yourself|yourselves)|go to hell|screw you|i'?ll find you|(?:i )?hope (?:you|u|y'?all|you all) (?:all )?(?:die|burn|rot|get hit by a (?:bus|car|truck))|(?:i )?hope your (?:company|store|stores|business|ceo|staff|employees|workers|driver|manager|boss|family) (?:all )?(?:die|dies|burn|burns|rot|rots|get hit by a (?:bus|car|truck))|die in a (?:fire|hole|ditch)|kys|(?:burn|torch|bomb|blow up) (?:down )?(?:your|the) (?:store|shop|office|building|headquarters|hq|restaurant|place|branch|warehouse)(?: down)?|watch your back|(?:i )?know where (?:you|u) live|piss off(?=\s*(?:[.!?,;:]|$|(?:and|now|back|to|mate|you|already)\b|@))|(?:go )?f off|go f(?:\*+|u?c?k)? yourself|(?:you|u|y'?all|you guys|you lot|your (?:staff|agents|employees|workers|reps|drivers)) (?:are|r|is) (?:(?:\w+ )?(?:pathetic|scum|filth|muppets|worthless|brain ?dead)|trash|garbage))\b`, false, undefined, { 'f+u+c+k': 'fuc|uuc', 'f[*#@$]': '', 'sh[*!]t': 'sh*t|sh!t' }),
  // Repeat contact: still, again, third time, no reply.
  rule('repeat_contact', /(?:second|third|fourth|fifth|0st|0nd|0rd|0th|nth|dth) time|(?:0|o|e|r|x|n|t|l|y|s|f) times|twice/, String.raw`\b(?:(?:for the|this is the|it'?s the|is the|that'?s the) (?:second|2nd|third|3rd|fourth|4th|fifth|5th|(?:[2-9]|\d{2,})(?:st|nd|rd|th)|umpteenth|nth|hundredth|millionth) time|(?:second|2nd|third|3rd|fourth|4th|fifth|5th|(?:[2-9]|\d{2,})(?:st|nd|rd|th)|umpteenth|nth|hundredth|millionth) time (?:asking|calling|contacting|writing|emailing|messaging|tweeting|dm'?ing|chasing|complaining|reporting)|(?:called|contacted|rang|emailed|messaged|dm'?e?d|tweeted|asked|chased|phoned|spoken? to|reached out(?: to)?|written|wrote|complained|reported|sent|been (?:on the phone|in touch))(?: \S+){0,4} (?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|multiple|many|countless|numerous|so many|a dozen|dozens of) times|twice))\b`, false),
  rule('repeat_contact', /no (?:repl|resp|answer)|(?:no one|nobody|noone) (?:h|i|e|r|a|g|c)|(?:n't|nt|not|ever) (?:had|heard|received|got|gotten|getting|receiving) (?:a|b|r|c)|(?:n't|nt|not|ever) been contacted|ignor(?:ed|ing) (?:m|u|o)|(?:still|been) waiting|yet again|once again|again and again|(?:already|previously) (?:cal|con|com|tol|sen|exp|dm|mes|ema|rep|ask|twe)|as i (?:said|mentioned|told)|previous (?:t|m|d|c|e)|follow(?:ing)? up (?:o|w)|follow(?:ing)?-up (?:o|w)|chasing (?:t|u|m|y)/, String.raw`\b(?:no (?:reply|replies|response|responses|answer|answers|one (?:has |is |ever )?(?:replied|responded|responds|responding|answered|answers|answering|replies|replying|got back|called back|gets back))|(?:nobody|noone) (?:has |is |ever )?(?:replied|responded|responds|responding|answered|answers|answering|replies|replying|got back|called back|gets back)|(?:not|never) (?:had|heard|received|got|gotten|getting|receiving) (?:a |any )?(?:reply|response|answer|call ?back|back)|(?:haven'?t|hasn'?t|have not|has not|didn'?t|never|still not) (?:heard|had|received|got|gotten|been contacted)(?: anything)? (?:back|a reply|a response|anything|an answer|a call ?back)|ignor(?:ed|ing) (?:me|my|us|our)|(?:still|been) waiting|yet again|once again|again and again|(?:already|previously) (?:called|contacted|told|sent|explained|dm'?e?d|messaged|emailed|reported|asked|complained|tweeted)|as i (?:said|mentioned|told you)|previous (?:tweets?|messages?|dms?|complaints?|cases?|conversations?|e-?mails?|calls?|chats?)|follow(?:ing)?[- ]up (?:on|with)|chasing (?:this|up|my|you))\b`, false),
  rule('repeat_contact', /still /, String.raw`\bstill(?: [^\s.!?;]+){0,3}? (?:not|no|nothing|nada|zilch|none|waiting|needs? (?:help|assistance|a (?:refund|reply|response|fix)|an (?:answer|update)|someone)|pending|processing|preparing|broken|down|ignor\w*|(?:the )?same|errors?|useless|crash\w*|lagg?(?:s|ing)|freez\w*|stuck|unable|cannot|an? (?:issue|problem|error)|issues|problems|haven'?t|hasn'?t|isn'?t|aren'?t|can'?t|won'?t|doesn'?t|didn'?t|don'?t|missing|unresolved|without|on hold|having (?:the same|this|that|issues|problems)|getting (?:the same|charged|this|that)|charg\w+|no reply|no response|not fixed|not working|not resolved|not received|not here|not arrived|nobody|no one|happening|occurring|experiencing|receiving|sluggish|s+l+o+w+\w*)\b`, false),
  rule('repeat_contact', /again\b/, String.raw`\bagain\b`, false, /\b(?:thanks?|thank you|thx|never|see you|love|recommend|definitely|will|would|can'?t wait|happy to|glad to|back|come|fly|shop|order|visit|stay|use|choose|book|buy|try|tried|trying|retry|(?:re-?)?download(?:ed|ing)?|(?:re-?)?install(?:ed|ing)?|sign(?:ed|ing)? up|log(?:ged|ging)? (?:in|into|on)|play|check(?:ed)?|look(?:ed)?|all over|if (?:it|this) happens)\b(?:\s+\S+){0,3}\s+again$/i),
  // Repeat contact, read on the hand-flagged twcs posts (fifteenth session): counted calls and
  // emails, "already did that", "haven't heard from you", "they never reply", a problem that keeps
  // happening or has gone on for weeks, "delays as always", having to keep explaining.
  rule('repeat_contact', /(?:y|e|l|s|0|\+) (?:calls|emails|e-mails|messages|dms|tweets|complaints|chats|phone c)|(?:o|w) many times|times now|twice now|for like the|already (?:did|don|dm|sen|tri|ema|cal|con|rep|ans|gav|pro|sub|fil|spo|tal)|(?:that|this|it) already|done already|heard (?:back )?from|(?:n't|nt|not|ever) (?:repl|resp|answ|get b)|(?:no one|nobody) (?:w|s)|ignores? (?:m|u|o|i)|keep (?:exp|cal|ask|cha|tel)/, String.raw`\b(?:(?:many|multiple|several|numerous|countless|so many|\d+\+?) (?:calls|emails|e-mails|messages|dms|tweets|complaints|chats|phone calls)|(?:so|too|far too|far to|way too|how) many times|(?:twice|(?:two|three|four|five|\d+) times) now|for like the (?:second|2nd|third|3rd|fourth|4th|fifth|5th|(?:[2-9]|\d{2,})(?:st|nd|rd|th)|umpteenth|nth|hundredth|millionth) time|already (?:did|done|dm|dmd|dm'?ed|sent|tried|emailed|called|contacted|replied|answered|gave|provided|submitted|filled|(?:spoke|spoken|talked) (?:to|with) (?:you|u|y'all|your|the (?:team|store|agent|rep|manager|support|help ?desk)|customer service|cs|support|someone|somebody|an? (?:agent|rep|representative|advisor|manager)))|(?:did|done|tried) (?:that|this|it|all that) already|done already|(?:haven'?t|have not|never|not) heard (?:back )?from (?:you|u|anyone|anybody|your)|(?:don'?t|do not|doesn'?t|does not|won'?t|will not|never|didn'?t|did not) (?:reply|respond|answer|get back)|(?:no one|nobody) (?:will|would|wants to|seems to) (?:get back|reply|respond|answer|help)|ignor(?:e|es) (?:me|my|us|our|it)|(?:have|had) to keep (?:explaining|calling|asking|chasing|telling)|keep (?:explaining|chasing))\b`, false, /\b(?:receiv\w*|got|get|getting|sen(?:d|ds|t) me) (?:\d+|many|multiple|several|so many) (?:emails|e-mails|messages|texts|calls)\b/i),
  rule('repeat_contact', /keep |keeps |kept |been (?:happening|going on) for|(?:happening|happens) (?:a|c|e|d)|(?:s|y|d|e|n) as (?:always|usual)/, String.raw`\b(?:(?:keeps?|kept) (?:on )?(?:going (?:out|down|off(?:line)?)|(?!(?:going|coming|doing|working|improving|growing|smiling|moving|rocking|winning|shining|inspiring|supporting|voting|watching|listening|reading|playing|fighting|pushing|believing|dreaming|hoping|praying|shopping|using|buying|flying|learning|creating|sharing|posting|tweeting|(?:some|no|any|every)thing|getting (?:better|there|stronger|faster|cheaper)|giving (?:me|us) (?:great|good|amazing|awesome|excellent|the best|such)|making (?:me|us) (?:happy|smile))\b)[a-z]+ing\b(?: (?:me|us|my|our|the|this|that|these|an?|it|errors?|emails?|messages?|texts?|calls?)\b(?: [a-z]+\b)?)?)|(?:has|have) been (?:happening|going on) for|(?:happening|happens) (?:again and again|all the time|constantly|every day|daily)|(?:delays?|delayed|late|broken|down|cancelled|canceled) as (?:always|usual))\b`, false),
  // Repeat contact, twentieth session: counted requests and tickets ("I've submitted 6 menu
  // updates"), a count of contacts written in the singular ("i mailed amazonuk so many time").
  rule('repeat_contact', /(?:submitted|filed|raised|logged|opened|put in) (?:0|t|f|s|e|n|m|c)|(?:many|ral|ple|less|ous) time\b/, String.raw`\b(?:(?:submitted|filed|raised|logged|opened|put in) (?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|multiple|many|numerous|countless|so many) (?:\w+ )?(?:requests?|tickets?|claims?|complaints?|reports?|updates?|forms?|cases?|emails?|messages?)|(?:called|mailed|emailed|messaged|contacted|asked|tweeted|dm'?e?d|phoned|rang|chased|told)(?: \S+){0,3} (?:so many|many|several|multiple|countless|numerous) time)\b`, true),
  rule('repeat_contact', /(?:it'?s|its|it has) been (?:d|w|m|a|o|0|n|l)/, String.raw`\b(?:it'?s|its|it has) been (?:(?:about|almost|nearly|around|over|more than|like) )?(?:days|weeks|months|a week|a month|over a week|over a month|\d+ (?:days|weeks|months)|\d+\+? (?:hours|hrs)|over (?:\d+|an?) (?:hours?|hrs))\b`, false),
  // Repeat contact through a channel (nineteenth session): "I called customer service", "I sent
  // you a DM", "reply to my DMs", "check your DMs", an hour on hold, several transfers.
  rule('repeat_contact', /(?:the|ur|s|d|g|o|h) customer (?:serv|care|supp)|cust serv|(?:the|ur|s|d|g) support|(?:e|n|d|s|t) to support|(?:e|n|d) with support|help line|helpline|help desk|helpdesk|call cent|sent you|sent u |sent y'all|(?:n|o) (?:my|the|our|your) (?:dm|pm|message|email|e-mail|thread)|k (?:your|ur|the|my) (?:dm|pm|inbox)|hold for|phone for|line for|(?:r|s|n|g) on (?:the phone|hold)|transfers|transferred/, String.raw`\b(?:(?:called|rang|phoned|e-?mailed|messaged|contacted|(?:spoke|spoken|talked|chatted) (?:to|with)|wrote to|written to|complained to|reported (?:it |this |that )?to|told) (?:your |the |ur |y'all'?s )?(?:customer (?:service|services|care|support)|cust serv\w*|support(?: team)?|help ?line|help ?desk|call cent(?:re|er))|sent (?:you|u|y'all) (?:a |an |another |the )?(?:dms?|pms?|messages?|emails?|e-mails?)|(?:reply|respond|answer|get back to (?:me|us)) (?:on|to|in) (?:my|the|our|your) (?:dms?|pms?|messages?|emails?|e-mails?|(?:dm )?thread)|check (?:your|ur|the|my) (?:dms?|pms?|inbox)|(?:was|been|spent|waited|sat) (?:\w+ )?(?:on hold|on the phone|on the line) for (?:an hour|over an hour|hours|\d+\+? ?(?:hours|hrs|minutes|mins))|(?:an hour|hours|\d+\+? ?(?:hours|hrs|minutes|mins|min))(?: of being)? on (?:the phone|hold)|(?:several|multiple|many|\d+) transfers|transferred (?:\d+|several|multiple|many|so many) times)\b`, true),
  // Repeat contact, twenty-eighth session, read on 400 hand-flagged brand posts (brand-train's
  // IBM posts): a problem that has lasted ("not working for the past few days", "been trying since
  // yesterday", "down for 2 days", "been getting this message for over a week now"): a time after
  // a word of the problem, not a time alone ("since Sunday is National Ice Cream Day") nor a
  // customer of some years ("been a member for 6 months").
  rule('repeat_contact', /(?:for|since) (?:the )?(?:past|last)|since (?:yesterday|this m|mon|tue|wed|thu|fri|sat|sun)|(?:a|an|one) (?:day|week|month|hour)|(?:0|o|e|r|x|n|t|w|f|l|y) (?:days|weeks|months|hours)/, String.raw`\b(?:(?:not|no|nothing|never|been|still|without|unable|missing|down|broken|offline|waiting|trying|stuck|cannot|issues?|problems?|(?:haven|hasn|hadn|didn|don|doesn|isn|aren|wasn|weren|can|couldn|won|wouldn)'?t)(?: \S+){0,6}? (?:(?:for|since) (?:the )?(?:past|last) (?:few |couple (?:of )?|several |\d+ |two |three |four |five |six |seven |eight |nine |ten )?(?:days|weeks|months|hours|nights|weekends|day|week|month|weekend)|since (?:yesterday|this morning|last (?:night|week|weekend|month|(?:mon|tues|wednes|thurs|fri|satur|sun)day)|(?:mon|tues|wednes|thurs|fri|satur|sun)day))|(?:been|down|broken|offline|waiting|trying|stuck|going on|happening)(?: \S+){0,4} for (?:over |more than |almost |nearly |about |around )?(?:(?:a|an|one) (?:day|week|month|hour)|(?:\d+|two|three|four|five|six|seven|eight|nine|ten|a few|a couple of|several|many) (?:days|weeks|months|hours))(?: now)?|(?:been (?:like (?:this|that)|this way|an issue|a problem|happening|going on)|down|broken|offline|waiting|stuck) for (?:days|weeks|months))\b`, false, /\b(?:customers?|members?|subscribers?|clients?|users?|fans?|loyal|using|shopping with|banking with|flying with|with (?:you|u)|watching|reading|listening to|binge-?watching|pregnant|married|dating)\b/i),
  // … and a problem met every time, tried over and over, or never solved: "every time I try",
  // "I've tried a few times", "tried everything", "none of your solutions worked", "this happens
  // way too often", "4 months for a reply", "bounced around", "in a loop", "can't reach
  // anyone".
  rule('repeat_contact', /every ?time (?:i|w|t)|single time (?:i|w|t)|(?:tried|trying) (?:everything|all |it |this |that |again |a f|a c|a b|sev|mul|man|num|cou|0|two|thr|fou|fiv|so m)|none of (?:y|t|m|i)|happen(?:s|ed|ing) (?:way|far|so|too|often|freq|regu|a lot)|(?:day|week|month|hour)s? (?:for|without|to get)|bounced|back and forth|in circles|passed (?:around|from)|(?:endless|ending|infinite) (?:l|c)|in a loop|pillar to post|run-?around|run around|(?:'t|nt|ot) (?:reach|get hold|get through|get a hold|get in touch|contact|speak to|talk to|get to speak)|(?:unable|impossible) to (?:rea|get|con|spe|tal)/, String.raw`\b(?:every ?(?:single )?time (?:i|we) (?:try|tried|attempt\w*|open\w*|log\w*|sign\w*|go to|want to|click\w*|launch\w*|start\w*|turn\w*|call\w*|use|load\w*|need|clos\w*|restart\w*|reboot\w*|updat\w*|connect\w*|pay|play|put|buy|order\w*|go (?:on|into))|every ?(?:single )?time (?:it|this) (?:says|crash\w*|fail\w*|freez\w*|shows|gives|comes up|goes|happens|asks|logs|tells|disconnect\w*|drops|kicks)|(?:tried|trying) (?:everything|all (?:the|your|of the|of your) (?:troubleshooting |usual |suggested |recommended )?(?:steps|solutions|suggestions|options|things|fixes|methods)|all the usual|(?:it |this |that |again )?(?:a few|several|multiple|many|numerous|countless|\d+|two|three|four|five|so many|a couple(?: of)?|a bunch of) (?:times|different))|none of (?:your|the|these|those|their|my|its) (?:solutions|suggestions|steps|fixes|advice|tips|troubleshooting|answers|options|recommendations|methods)(?: \S+){0,3} (?:worked|helped|work|help|fixed)|happen(?:s|ed|ing) (?:way |far |so |too )*(?:often|frequently|regularly|a lot)|(?:(?:a|an|one|about a|over a) (?:day|week|month|hour)|days|weeks|months|hours) (?:for|without|to get) (?:a |an |any )?(?:reply|response|answer|call ?back)|bounced (?:around|between|back and forth)|back and forth (?:between|with)|(?:round|around) in circles|passed (?:around (?:from|between|to)|from (?:one|person|department))|(?:endless|never-?ending|infinite) (?:loop|cycle)|in (?:a|an (?:endless|infinite)) loop|(?:from )?pillar to post|run(?:-| )?around|(?:can'?t|cannot|couldn'?t|could not|unable to|impossible to) (?:reach|get hold of|get through to|get a hold of|get in touch with|contact|speak to|talk to|get to speak to) (?:anyone|anybody|a human|someone|somebody|a person|a real person|live (?:help|support|chat|agent|person)|customer (?:service|support|care)|support|you|your))\b`, true),
  // … and, read on 1,306 more hand-flagged brand posts (the rest of brand-train and of
  // complaints-dev's brand-directed posts): a recurring or lasting problem in other words ("a
  // constant issue", "going on 4 days now", "crashed eight times", "getting tired of", "for 3 days
  // now"), a contact already made ("I contacted @acme", "filed a complaint", "trying to reach you",
  // "can't get through") or not answered ("yet to receive a response", "waiting on a call back",
  // "never replied"), "not the first time", "yet another", "from pillar to post".
  rule('repeat_contact', /(?:constant|recurring|reoccurring|continuous|persistent|repeated|repeating|frequent|chronic|on-?going) |(?:continually|continuously|repeatedly|persistently) |(?:been|being) ignored|been (?:sen|cal|ema|mes|ask|cha|con|twe|rep|com)|still (?:says|shows)|(?:no ?one|no ?one')s (?:h|a|r|g)|going on (?:0|a|o|t|f|s)|tired of|sick and tired|fed up|(?:0|o|e|r|x|n|t|l|y|s|f|w) times|twice|waiting (?:on|for)|waited (?:on|for)|yet to (?:r|g|h|s)|awaiting|(?:trying|tried) to (?:con|rea|cal|pho|ema|get h|get t|get i)|(?:t|o) get through|(?:contacted|emailed|e-mailed|messaged|dmed|dmd|dm'd|dm'ed|rang|phoned|chatted|spoke|spoken|talked|reached out|wrote to|tweeted) |(?:i|we|ve|have|already) called |(?:made|filed|raised|lodged|submitted|opened|logged|put in) (?:a|an|my) |never (?:rep|res|ans|got|cal|fol|hea)|(?:till|until|up to|as of) (?:now|today|date)|(?:days|weeks|months|hours|day|week|month|hour|ages) now|and counting|on end|t the first time|(?:second|third|fourth|fifth|00st|0nd|0rd|0th) time |yet another/, String.raw`\b(?:(?:continually|continuously|repeatedly|persistently) (?:crash\w*|fail\w*|freez\w*|drop\w*|disconnect\w*|buffer\w*|lagg?\w*|restart\w*|reboot\w*|break\w*|broke|stop\w*|cut\w* out|asked|asking|called|calling|told|telling|contacted|contacting|emailed|emailing|requested|requesting|complained|complaining|tried|trying|chased|chasing|reported|reporting|cancell?ed|declined|rejected|refused|denied|charged|charging|billed|billing|ignored|ignoring|delayed|promised|getting|having)|(?:been|being) ignored|been (?:sending|calling|emailing|messaging|asking|chasing|contacting|tweeting|reporting|complaining)|no ?one'?s (?:helping|answering|responding|replying|getting back)|still (?:says|shows)|(?:constant|recurring|reoccurring|continuous|persistent|repeated|repeating|frequent|chronic|on-?going) (?:issue|problem|thing|occurrence|struggle|battle|nightmare|headache|outage|saga)s?|going on (?:\d+|an?|one|two|three|four|five|six|several|a few) (?:days?|weeks?|months?|hours?)|(?:(?:getting|growing) (?:really |so |very )?(?:sick and )?|(?:so|really) )tired of|sick and tired|fed up|(?:crashed|failed|stopped working|froze|died|broke|happened|occurred|declined|rejected|disconnected|dropped|reset|restarted|rebooted|reinstalled|uninstalled|reloaded|unloaded|updated|changed|tried|retried|attempted|cleared|entered|submitted|requested|checked|refreshed|rescheduled|cancell?ed|charged|billed|delayed|returned|replaced|repaired|resent|logged (?:in|out|off)|signed (?:in|out))(?: (?:it|this|that|them|my \w+|the \w+|again|on me))? (?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|multiple|many|numerous|countless|so many|a (?:few|couple of)) times|(?:twice|(?:\d+|two|three|four|five) times) in a row|(?:waiting|waited) (?:on|for) (?:a |my |the |your |any )?(?:call ?back|reply|response|answer|update|refund)|yet to (?:receive|get|hear|see) (?:a |any |an |my |back )?(?:reply|response|answer|call|update|refund|email|from)|awaiting (?:a |my |your |the |any )?(?:reply|response|answer|call ?back|update|refund)|(?:trying|tried) to (?:contact|reach|call|phone|email|get (?:hold of|through to|in touch with)) (?:you|u|them|someone|somebody|anyone|anybody|customer|support|your|@\w+)|(?:can'?t|cannot|couldn'?t|unable to) get through|(?:i|we|i'?ve|i have|we'?ve|we have|already) (?:contacted|called|emailed|e-mailed|messaged|dm'?e?d|rang|phoned|chatted (?:to|with)|spoke (?:to|with)|spoken (?:to|with)|talked (?:to|with)|reached out to|wrote to|tweeted) (?:@\w+|you|u|y'?all|your|them|the (?:store|shop|company|branch|team|agent|rep|manager|call cent(?:re|er)))|(?:made|filed|raised|lodged|submitted|opened|logged|put in) (?:a|an|my) (?:complaint|ticket|case|claim|request|report)|never (?:replied|responded|answered|got back|called (?:me )?back|followed up|heard back|heard from)|(?:not|no|nothing|never|none|\w+n'?t)(?: \S+){0,3}? (?:till|until|up to|as of) (?:now|today|date)|for (?:over |more than |almost |nearly )?(?:(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|several|a few|a couple of) (?:days?|weeks?|months?|hours?) now|(?:days|weeks|months|ages) (?:now|and counting|on end))|(?:not|isn'?t) the first time|(?:second|third|fourth|fifth|\d+(?:nd|rd|th)|\d+1st) time (?:being|that|this|it|i'?ve|we'?ve|now|today|this (?:week|month|year))|yet another)\b`, false),
  // A reply that opens by saying the brand's advice did not work ("@SpotifyCares Didn't work",
  // "Yes, none of it worked"): the customer was told something before.
  ruleAtStart('repeat_contact', /dn'?t (?:work|help|fix)|d not (?:work|help|fix)|none of/, String.raw`(?:(?:no|nope|yes|yeah|yep|unfortunately|sadly|but|ok|okay|hi|hey|thanks|that|it|this|both|all|i tried (?:it|that|this)(?: and)?|tried (?:it|that|this)(?: and)?)[,.!]*\s+)*(?:(?:didn'?t|did not) (?:work|help|fix (?:it|anything|the problem|the issue))|none of (?:it|them|those|these|that|the above|your suggestions|the steps) (?:worked|helped))\b`, false),
  // Repeat contact, twenty-ninth session, read on 1,160 hand-flagged twcs posts: a problem that is
  // always or constantly there ("your website is always down", "constantly disconnecting"), "2
  // days running", an ordinal contact or outage ("the 7th outage this month", "3rd call"), the steps
  // already followed ("done everything you told me", "I have tried."), a call that ended badly
  // ("hung up on me", "just got off the phone with"), a contact some time ago ("responded 45
  // minutes ago"), several people spoken to or conflicting answers, hours of calls, a form or a
  // report already filed, DMs already sent, a channel that is no help, nobody able to help,
  // "on more than one occasion", "nothing but problems", "as I said before".
  rule('repeat_contact', /always (?:do|br|of|sl|cr|fa|la|de|bu|fr|di|dr|gl|on|ha|go|ou|ti)|constantly |(?:days|nights|weeks) running|(?:second|third|0nd|0rd|0th|00st) (?:cal|out|att|ema|com|req)|(?:last|past) (?:tw|th|fo|fi|fe|co|0)|followed |done everything|ve (?:already |also )?tried|(?:ung|nging|ngs) up on|off the phone (?:w|t)|on the phone with|(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?) ago|(?:spoken|spoke|talked|chatted) (?:to|with) |different (?:peo|age|rep|ans|sto|res|exc|dep|adv|emp|sta)|conflicting (?:a|i|r|s)|(?:hours|hrs|minutes|mins) of |filled |reported (?:it|th)|direct message|(?:a|an|he|er|my|ew|al|ll|0|nt|ed|u|em|in) dm|dmed|dm'd|dm'ed|dmd\b|no help|not helping|n'?t helping|not helpful|unhelpful|useless|no use\b|(?:no one|nobody|noone) |occasion|nothing but |(?:said|mentioned) (?:before|previously)| previously/, String.raw`\b(?:(?:is|are|'s|be) always (?:down|broken|offline|off|slow|crashing|failing|late|delayed|buffering|lagging|freezing|disconnecting|dropping|glitching|on and off|having (?:issues|problems))|always (?:down(?! (?:to|for)\b)|broken|offline|on and off|crash(?:es|ed|ing)?|fail(?:s|ed|ing)?|freez(?:es|ing)|disconnect(?:s|ing)|drops|dropping|breaks|breaking|goes down|go down|out of stock|late|delayed|buffering|lagging|glitch(?:es|ing)|timing out|times out)|constantly (?:down|broken|offline|off|on and off|crash\w*|fail\w*|freez\w*|disconnect\w*|connect\w* and disconnect\w*|drop\w*|lagg?\w*|buffer\w*|eject\w*|restart\w*|reboot\w*|turn\w* (?:off|on)|cut\w* out|go(?:es|ing)? (?:down|off|out)|stuck|getting (?:errors?|kicked|logged out|disconnected)|having (?:issues|problems|to))|(?:\d+|two|three|four|five|six|seven|several) (?:days|nights|weeks) running|(?:the|my|our|this|a|its|it'?s) (?:second|2nd|third|3rd|4th|5th|[6-9]th|\d{2}(?:st|nd|rd|th)) (?:calls?|outages?|emails?|attempts?|requests?|complaints?)|(?:last|past) (?:two|three|four|five|few|couple(?: of)?|\d{1,2}) times|followed (?:all |every |each |exactly )?(?:of )?(?:your |the |their |his |her |these |those |that |this )?(?:\w+ )?(?:instructions|steps|step|advice|directions|suggestions|troubleshooting|guide|guidance|procedure|process|recommendations)|done everything (?:you|u|y'all|they|the|that|your|possible|suggested)|(?:i|we)(?: have|'ve|ve) (?:already |also )?tried(?=[.,!]|\s*$| and (?:it|they|nothing|still|no|the)\b)|(?:hung|hanging|hangs) up on (?:me|us|my|him|her)|(?:just )?got off the phone (?:with|to)|on the phone with (?:you|your|a (?:rep|representative|agent|supervisor|manager)|an agent|customer|support|someone from|somebody from|\w+ (?:support|service|care))|(?:replied|responded|dm'?e?d|messaged|e-?mailed|called|contacted|wrote|tweeted|reported (?:it|this|that)|submitted (?:it|this|that))(?: \S+){0,3}? (?:about )?(?:\d+ ?|an? |one |two |three |four |five |six |several |a few |a couple (?:of )?|over an? |over \d+ ?)(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?) ago|(?:spoken|spoke|talked|chatted) (?:to|with) (?:\d+|two|three|four|five|six|several|multiple|many|numerous|countless|so many)(?: different)? (?:people|agents|reps|representatives|advisors|advisers|staff|managers|supervisors|persons|employees|so far)|(?:\d+|two|three|four|five|six|several|multiple|many) different (?:people|agents|reps|representatives|answers|stories|responses|excuses|departments|advisors|advisers|employees|staff)|conflicting (?:answers|information|info|responses|advice|stories|replies)|(?:hours|hrs|minutes|mins) of (?:\w+ )?(?:calls|phone calls|calling|(?:being )?on hold|chats?|chatting|emails|back and forth)|filled (?:in |out )?(?:an? |the |my )?(?:online |recovery |contact |complaint |claim |support |web )?(?:complaint|form|forms|claim|ticket|request)s?|(?:i|we|i'?ve|we'?ve|have|had|already) reported (?:it|this|that|the (?:issue|problem|driver|incident|bug|fault))|(?:sent|dropped|sent over|sent in)(?: (?:you|u|y'all|them))? (?:a |an |the |another |my |a few |few |several |\d+ )?(?:dms?|direct messages?)\b|(?:sent|dropped) @\w+ (?:a |an |another |the |my )(?:dms?|direct messages?)\b|(?:i|we|i'?ve|we'?ve|have|already) dm'?e?d (?:you|u|y'all|them|the|my|it|@\w+)|(?:calling(?: in)?|called|(?:web|live) ?chat|chat|customer (?:service|care|support)|support|(?:the|your) (?:store|helpline|help ?desk|phone line|agents?|reps?|staff|csrs?)|csrs?|reps?)(?: \S+){0,3}? (?:(?:are|is|was|were|been|has been|have been|and) )?(?:no help|not helping|(?:isn'?t|aren'?t|wasn'?t|weren'?t) helping|not helpful|unhelpful|useless|no use)\b|(?:no one|nobody|noone)(?: \S+){0,4}? (?:(?:is |are |was |seems? (?:to|2) be )?able (?:to|2)|can|could|will|would|wants? (?:to|2)|(?:is )?willing (?:to|2)|knows how (?:to|2)) (?:help|fix|sort|resolve|assist|answer)|(?:more than one|several|multiple|many|numerous|countless|\d+|two|three|four|five) (?:separate |different )?occasions?|nothing but (?:problems|issues|trouble|headaches|excuses|lies|delays|hassle)|as (?:i )?(?:said|mentioned) (?:before|previously)|(?:i|we) (?:sent|mentioned|said|explained|provided|gave)(?: \S+){0,3}? previously)\b`, false),
  // Press and virality; and (twenty-ninth session) "I'll make it public", "make people aware".
  rule('press', /journalist|reporter|the press|press (?:rel|cov|off)|newspaper|(?:n|o|l|t|g|d) the news|(?:l|ening|tv|ion) news|news (?:out|sta|cha|des|sto)|(?:n|r|s|o) social media|bbc|cnn|watchdog|guardian|daily mail|viral|please rt|pls rt|plz rt|rt if|retweet (?:t|i|p)|spread the word|the word out|everyone can|everyone will|everyone to see|warn (?:e|o|p)|and followers|tweet about|tweet every|tweet each|keep tweeting|share this|everyone (?:should|needs|must)|tell (?:everyone|all)|y followers|0 followers|0k followers|trustpilot|(?:n|o) yelp|(?:n|o) @yelp|yelp rev|tripadvisor|google review|review site|star (?:review|rating)|(?:it|this|them|that) public|(?:g|s|o) public|(?:people|everyone|others) aware|reddit|tiktok|(?:on|to|er) (?:youtube|instagram|facebook|insta|fb)|my blog|my channel|video about|vlog about|blog post about|thread about|everyone is going|everyone gonna|(?:bad|negative|terrible|poor|scathing|awful|horrible|honest) review|papers (?:hear|find|get|will)|tabloids|media (?:hear|find|get|will)/, String.raw`\b(?:journalists?|reporters?|the press|press (?:release|coverage|office)|newspapers?|(?:on|to|call|contact|contacting|tell|telling|told) the news|(?:local|national|evening|tv|television) news|news (?:outlet|station|channel|desk|story)|(?:on|all over|across|to) social media|bbc|cnn|watchdog|the guardian|daily mail|go(?:es|ing)? viral|went viral|make (?:this|it) viral|please rt|pls rt|plz rt|rt if|retweet (?:this|if|please)|spread the word|get(?:ting)? the word out|(?:where|so) everyone (?:can|will) see|for everyone to see|warn (?:everyone|others|other people|people)|and followers|tweet (?:about (?:this|it) )?(?:every|each) (?:day|hour|single day)|keep tweeting (?:until|till)|share this|everyone (?:should|needs to|must) (?:know|see)|tell (?:everyone|all my (?:friends|followers))|my (?:\d+k? )?followers|(?:on|to) @?(?:trustpilot|yelp|tripadvisor)|(?:trustpilot|yelp|tripadvisor) reviews?|google reviews?|review sites?|(?:one|1)[- ]star (?:review|rating)|(?:make|making|made) (?:it|this|them|that) public|go(?:ing|es)? public (?:with|about)|(?:make|making) (?:people|everyone|others) aware|(?:i'?ll|i will|we'?ll|we will|going to|gonna|about to|i'?m|i am|we'?re) (?:be )?(?:post|posting|put|putting|share|sharing)(?: (?:this|it|that|my experience|everything|the (?:video|footage|pictures|photos|screenshots|conversation|chat|emails)))? (?:all )?(?:on|to|over) (?:reddit|tiktok|youtube|instagram|insta|facebook|fb|my blog|my channel)|(?:make|making|film|filming|record|recording|post|posting) (?:a|an) (?:tiktok|youtube video|video|vlog|blog post|thread) about (?:this|it|you|your \w+|my experience|how (?:bad|terrible|awful))|everyone (?:will|is going to|gonna) (?:hear|know) about (?:this|it)|(?:going|goes|go|went) (?:on|in|to|onto) my (?:blog|channel)|(?:leave|leaving|left|write|writing|wrote|post|posting|posted|give|giving|gave) (?:a|an|my|you a|you an) (?:very )?(?:bad|negative|terrible|poor|scathing|awful|horrible|honest) reviews?|(?:the )?(?:papers|tabloids|media) (?:will )?(?:hear|find out|get hold)|(?:i have|i'?ve got|i got|with) (?:over |nearly |almost )?\d+k? followers)\b`, false),
];

// Personal data: detected with dedicated functions (validation, masking).
const EMAIL_RE = /[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/giu;
const DIGIT_RUN_RE = /(?<![\w/.#-])(?:\+\s?)?\(?\d[\d\s().-]{6,24}\d(?![\w/])/g;
/**
 * The words that name a reference (REFERENCE_RE's keywords). The gate also looks them up, as one
 * more bit after the rules': a booking or account reference is only found in a post that has one.
 */
const REFERENCE_KEYWORDS = 'booking|reservation|confirmation|order|ticket|case|reference|ref|pnr|account|acct|tracking|membership|policy|customer|claim|invoice|locator|record|inquiry|enquiry|complaint|application|incident';
// The label's words end at a word's end: "reference" is not "ref" and a code "erence".
const REFERENCE_RE = new RegExp(String.raw`\b(?:${REFERENCE_KEYWORDS})\b(?:\s*(?:(?:number|num|nbr|id|code|reference|ref)\b|no\b\.?))?\s*(?:is|:|-|=)?\s*#?\s*([A-Z0-9][A-Z0-9-]{4,})\b`, 'gi');
const HASH_REFERENCE_RE = /(?<![\w&])#(\d[\d-]{5,})\b/g;
/** A booking code (PNR): six capitals and digits, at least one a capital. */
const PNR_RE = /^(?=[A-Z0-9]*[A-Z])[A-Z0-9]{6}$/;
/** Six capitals and digits in a row: the gate's test for a booking code (rare: after a booking word only). */
const PNR_RUN_RE = /[A-Z0-9]{6}/;
const URL_RE = /https?:\/\/\S+|www\.\S+/gi;
/** A dotted IPv4 address: four groups of 1–3 digits, not part of a longer dotted run. */
const IPV4_RE = /(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])/g;
/** A reference keyword right before a number ("order number is", "account no:", "case #"). */
const REFERENCE_CONTEXT_RE = new RegExp(String.raw`\b(?:${REFERENCE_KEYWORDS})\s*(?:number|no\.?|num|nbr|id|#)?\s*(?:is|:|-|=)?\s*#?\s*$`, 'i');
/** A North American number written as one: "289 404 8963", "407.916.1041", "1-800-555-0199". */
const NANP_RE = /^(?:1[ .-])?\d{3}[ .-]\d{3}[ .-]\d{4}$/;
const PHONE_CONTEXT_RE = /\b(?:call|calling|phone|number|mobile|cell|tel|telephone|contact|reach|whatsapp|text|sms|ring|landline|dial)\b/i;

/**
 * Personal data named by the words before it (thirtieth session): a UK postcode, a postal address, a
 * date of birth, a social security or national insurance number, a bank sort code. Each starts
 * with a literal of PERSONAL_CONTEXT_HINT, which the gate looks up (one more bit), so only a post
 * that names one is searched. The captured part is the data; the label names its kind, and the
 * evidence adds the data's last two characters unless `tail` is false (an address has none that
 * help the agent).
 */
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*';
const NAMED_DATA: ReadonlyArray<{ re: RegExp; label: string; tail?: false }> = [
  // A full UK postcode names a street; a US ZIP code (tens of thousands of people) is left alone.
  { label: 'postcode', re: /\b(?:postcode|post code)\b[\s:,-]*(?:is\s*)?([A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})\b/gi },
  {
    label: 'postal address',
    tail: false,
    re: /\b(?:(?:my|our|home|delivery|shipping|billing|postal|mailing) address|live at|deliver(?:ed|ing)? (?:it )?to|ship(?:ped|ping)? (?:it )?to|sen[dt] (?:it|them) to)\b[\s:,-]*(?:is\s*)?(\d{1,5}[a-z]?,? (?:[a-z'’]+ ){1,4}(?:street|st|road|rd|avenue|ave|lane|ln|drive|dr|boulevard|blvd|close|court|ct|way|place|pl|crescent|terrace|gardens|grove|park|row|square|sq)\b)/gi,
  },
  {
    label: 'date of birth',
    re: new RegExp(String.raw`\b(?:dob|date of birth|(?:i was|i'?m|i am|(?:my|our) \w+ (?:was|is)|(?:he|she) was) born on|birthday is)\b[\s:,-]*(?:is\s*)?(?:the\s*)?(\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{4}[./-]\d{1,2}[./-]\d{1,2}|\d{1,2}(?:st|nd|rd|th)? (?:of )?${MONTH},? \d{4}|${MONTH} \d{1,2}(?:st|nd|rd|th)?,? \d{4})\b`, 'gi'),
  },
  { label: 'social security number', re: /\b(?:ssn|social security(?: number| no\.?)?)\b[\s:#,-]*(?:is\s*)?(\d{3}[- ]?\d{2}[- ]?\d{4})\b/gi },
  { label: 'national insurance number', re: /\bnational insurance(?: number| no\.?)?\b[\s:#,-]*(?:is\s*)?([A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D])\b/gi },
  { label: 'bank sort code', re: /\bsort code\b[\s:#,-]*(?:is\s*)?(\d{2}[- ]?\d{2}[- ]?\d{2})\b/gi },
];
/**
 * The words NAMED_DATA's expressions start with, as a rule's hint is written (expanded into the
 * gate's literals by `expandLiterals`; `\b` at the end: no letter after, so "adobe" is not
 * "dob"). Every match of every NAMED_DATA expression holds one of its literals.
 */
const PERSONAL_CONTEXT_HINT =
  /postcode|post code|(?:my|our|home|delivery|shipping|billing|postal|mailing) address|live at|deliver(?:ed|ing)? (?:it )?to|ship(?:ped|ping)? (?:it )?to|(?:send|sent) (?:it|them) to|dob\b|date of birth|born on|birthday is|ssn\b|social security|national insurance|sort code/;
/** An IBAN: two letters, two check digits, then 11–30 letters and digits, maybe in groups of four. */
const IBAN_RE = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b/gi;

/** Whether an IBAN's check digits hold (ISO 13616: the rearranged number mod 97 is 1). */
function ibanValid(compact: string): boolean {
  if (compact.length < 15 || compact.length > 34) return false;
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let rest = 0;
  for (let i = 0; i < rearranged.length; i++) {
    const c = rearranged.charCodeAt(i);
    const value = c >= 48 && c <= 57 ? c - 48 : c - 55;
    rest = value >= 10 ? (rest * 100 + value) % 97 : (rest * 10 + value) % 97;
  }
  return rest === 1;
}

function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

function blankOut(s: string): string {
  return ' '.repeat(s.length);
}

/** `s` with its code units from `from` to `to` as spaces (same length: later matches' positions hold). */
function blankRange(s: string, from: number, to: number): string {
  return s.slice(0, from) + blankOut(s.slice(from, to)) + s.slice(to);
}

function lastChars(s: string, n: number): string {
  return `…${s.slice(-n)}`;
}

const SWITCH_TO_RE = /^switch\w* (?:over )?to$/i;
const SWITCH_RE = /switch\w*$/i;
const AFTER_SWITCH_RE = /^\s+(?:(?:you|u|y'?all)\b|@(\w+))/i;
const SWITCH_FROM_RE = /^\s+from\s+@(\w+)/i;
const FIRST_HANDLE_RE = /(?<![\w@])@(\w+)/;

/**
 * The post's first handle, lower-cased ('' when it has none), kept for the last post asked about:
 * a post can hold many churn matches to test against it.
 */
let firstHandleFrom: string | undefined;
let firstHandle = '';
function firstHandleOf(text: string): string {
  if (text !== firstHandleFrom) {
    firstHandle = FIRST_HANDLE_RE.exec(text)?.[1]!.toLowerCase() ?? '';
    firstHandleFrom = text;
  }
  return firstHandle;
}

/** Whether `handle` is the post's first handle (its addressee). */
function isAddressee(text: string, handle: string): boolean {
  const first = firstHandleOf(text);
  return first !== '' && first === handle.toLowerCase();
}

/**
 * Whether a churn match about switching moves the customer toward the brand the post is written
 * to (its first handle), not away from it: "so I switched to @acme" or "I switched to you" in a
 * post to @acme, "@acme thinking of switching from @rival". "@acme I switched to @rival" and
 * "@acme I'm switching from @acme to @rival" are churn.
 */
function switchesToAddressee(text: string, end: number, match: string): boolean {
  if (SWITCH_TO_RE.test(match)) {
    const after = AFTER_SWITCH_RE.exec(text.slice(end, end + 40));
    if (after === null) return false;
    return after[1] === undefined || isAddressee(text, after[1]);
  }
  if (SWITCH_RE.test(match)) {
    const from = SWITCH_FROM_RE.exec(text.slice(end, end + 40));
    return from !== null && !isAddressee(text, from[1]!);
  }
  return false;
}

const MOVES_TO_RE = /^(?:(?:fly|flying|shop|shopping|go|going|bank|banking) with|going back to) @(\w+)/i;

/** Whether a churn match takes the business to the brand the post is written to ("@acme I'll fly with @acme from now on"). */
function movesToAddressee(text: string, match: string): boolean {
  const m = MOVES_TO_RE.exec(match);
  return m !== null && isAddressee(text, m[1]!);
}

function isNegated(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 40), index);
  return NEGATION_BEFORE.test(before);
}

/**
 * Whether some "@" follows a character that EMAIL_RE's local part `[\w.+-]` can match (with the
 * `iu` flags `\w` also matches U+017F and U+212A): a necessary condition of an email match.
 */
function mayHoldEmail(text: string): boolean {
  for (let i = text.indexOf('@', 1); i !== -1; i = text.indexOf('@', i + 1)) {
    const p = text.charCodeAt(i - 1);
    if ((p >= 97 && p <= 122) || (p >= 65 && p <= 90) || (p >= 48 && p <= 57) || p === 95 || p === 46 || p === 43 || p === 45 || p === 0x17f || p === 0x212a) return true;
  }
  return false;
}

/**
 * A post with its URLs blanked out, kept for the last post asked about: the rules and the
 * personal-data scan of one post share it. (A function of the module, not a closure made per
 * post: tsx, which runs the CLI and the bench, names every closure it makes with a call.)
 */
let blankedFrom: string | undefined;
let blankedTo = '';
function blankUrls(text: string): string {
  if (text !== blankedFrom) {
    blankedTo = text.replace(URL_RE, blankOut);
    blankedFrom = text;
  }
  return blankedTo;
}

function personalData(text: string, g: Gate): string[] {
  const evidence: string[] = [];
  const seen = new Set<string>();
  // Whether the evidence is complete: a flag shows its first MAX_EVIDENCE pieces, so the scans stop there.
  const add = (e: string): boolean => {
    if (!seen.has(e)) {
      seen.add(e);
      evidence.push(e);
    }
    return evidence.length >= MAX_EVIDENCE;
  };
  const noUrls = /http|www\./i.test(text) ? blankUrls(text) : text;
  // Every email address has an "@" right after a character of its local part: most posts (whose
  // "@" starts a handle) skip both scans.
  const hasAt = mayHoldEmail(noUrls);
  if (hasAt) {
    for (const m of noUrls.matchAll(EMAIL_RE)) {
      const at = m[0].indexOf('@');
      if (add(`email address (…${m[0].slice(at)})`)) return evidence;
    }
  }
  let noEmails = hasAt ? noUrls.replace(EMAIL_RE, blankOut) : noUrls;
  // An IP address ("192.168.1.1", a traceroute's hops) is not a phone, card or reference number.
  if (noEmails.includes('.')) noEmails = noEmails.replace(IPV4_RE, blankOut);
  // An IBAN, by its check digits; one with a run of 9 digits (every country's has one when
  // written as banks write it), which is what lets the gate through to this scan. Blanked out,
  // as the named data below: its digits are not also a phone or reference number.
  if (g.longRun) {
    for (const m of noEmails.matchAll(IBAN_RE)) {
      const compact = m[0].replace(/ /g, '').toUpperCase();
      if (!ibanValid(compact) || !hasLongDigitRun(m[0])) continue;
      noEmails = blankRange(noEmails, m.index, m.index + m[0].length);
      if (add(`bank account (IBAN ${lastChars(compact, 2)})`)) return evidence;
    }
  }

  if (g.named) {
    for (const { re, label, tail } of NAMED_DATA) {
      for (const m of noEmails.matchAll(re)) {
        const data = m[1]!;
        const at = m.index + m[0].length - data.length;
        noEmails = blankRange(noEmails, at, at + data.length);
        if (add(tail === false ? label : `${label} (${lastChars(data.replace(/[\s./-]/g, ''), 2)})`)) return evidence;
      }
    }
  }

  for (const m of noEmails.matchAll(DIGIT_RUN_RE)) {
    const raw = m[0];
    const digits = raw.replace(/\D/g, '');
    const hasSeparators = /[\s().-]/.test(raw);
    if (digits.length >= 13 && digits.length <= 19 && luhnValid(digits)) {
      if (add(`card number (${lastChars(digits, 4)})`)) return evidence;
      continue;
    }
    if (digits.length < 9 || digits.length > 15) continue;
    // A date, a time or a price is not a phone number; a bare long number needs a hint of a phone.
    if (/^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$/.test(raw.trim())) continue;
    const context = noEmails.slice(Math.max(0, (m.index ?? 0) - 40), m.index ?? 0);
    // "order number 8502…", "account no: 0712…": a reference, whatever its shape.
    const looksLikePhone =
      !REFERENCE_CONTEXT_RE.test(context) &&
      (raw.trim().startsWith('+') || raw.trim().startsWith('(') || /^0\d/.test(raw.trim()) || NANP_RE.test(raw.trim()) || PHONE_CONTEXT_RE.test(context));
    if (looksLikePhone && (hasSeparators || digits.length >= 10 || PHONE_CONTEXT_RE.test(context))) {
      if (add(`phone number (${lastChars(digits, 2)})`)) return evidence;
    } else if (digits.length >= 9) {
      if (add(`reference number (${lastChars(digits, 2)})`)) return evidence;
    }
  }
  for (const m of noEmails.matchAll(REFERENCE_RE)) {
    const ref = m[1]!;
    const hasDigit = /\d/.test(ref);
    // A booking code: six capitals, or capitals and digits ("XK7PQ2"), after a booking word.
    const isPnr = PNR_RE.test(ref) && /booking|reference|ref|pnr|confirmation|locator|record/i.test(m[0]);
    if (!hasDigit && !isPnr) continue;
    if (hasDigit && ref.replace(/\D/g, '').length < 4 && !isPnr) continue;
    const label = m[0].trim().split(/[^A-Za-z]/)[0]!.toLowerCase();
    const digitsOnly = ref.replace(/\D/g, '');
    // Already reported as a phone/reference number by the digit scan.
    if (digitsOnly.length >= 9 && evidence.some((e) => e.endsWith(`(${lastChars(digitsOnly, 2)})`))) continue;
    if (add(`${label} reference (${lastChars(ref, 2)})`)) return evidence;
  }
  if (noEmails.includes('#')) {
    for (const m of noEmails.matchAll(HASH_REFERENCE_RE)) {
      const digits = m[1]!.replace(/\D/g, '');
      if (evidence.some((e) => e.endsWith(`(${lastChars(digits, 2)})`))) continue;
      if (add(`reference number (${lastChars(digits, 2)})`)) return evidence;
    }
  }
  return evidence;
}

// ---- The one-pass gate --------------------------------------------------------------------

/** Splits a regular-expression source on its top-level `|`. */
function topLevelAlternatives(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(source.slice(from, i));
      from = i + 1;
    }
  }
  out.push(source.slice(from));
  return out;
}

/**
 * A literal's last character when it must be followed by no letter (a hint alternative ending in
 * `\b`, as "sick\b", not "sickness"): the gate reads it as any character that is not a letter,
 * and reads one such character after the post's end.
 */
const WORD_END = '\0';

/** The characters a hint writes as themselves (a letter stands for either case); and `\+` for "+". */
const LITERAL_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789 &'-@";

/**
 * The literal strings an alternative stands for, with `(?:a|b)` groups and `x?` expanded, a
 * trailing `\b` as WORD_END, `\+` as "+", and "0" standing for any digit. Anything else
 * (classes, other escapes, repetition) must come from the rule's overrides: a hint the gate cannot
 * read exactly throws when the module loads, it is never silently skipped.
 */
function expandLiterals(alt: string): string[] {
  if (alt.endsWith('\\b')) return expandLiterals(alt.slice(0, -2)).map((lit) => lit + WORD_END);
  let out = [''];
  let i = 0;
  while (i < alt.length) {
    let unit: string[];
    const c = alt[i]!;
    if (alt.startsWith('(?:', i)) {
      let depth = 1;
      let j = i + 3;
      while (depth > 0) {
        if (alt[j] === '(') depth++;
        else if (alt[j] === ')') depth--;
        j++;
      }
      unit = topLevelAlternatives(alt.slice(i + 3, j - 1)).flatMap(expandLiterals);
      i = j;
    } else if (LITERAL_CHARS.includes(c)) {
      // A run of plain characters is one unit (all but the last, when a "?" makes that optional).
      let j = i + 1;
      while (j < alt.length && LITERAL_CHARS.includes(alt[j]!) && alt[j + 1] !== '?') j++;
      unit = [alt.slice(i, j)];
      i = j;
    } else if (alt.startsWith('\\+', i)) {
      unit = ['+'];
      i += 2;
    } else {
      throw new Error(`flags: hint alternative "${alt}" needs a literal override`);
    }
    if (alt[i] === '?') {
      unit = [...unit, ''];
      i++;
    }
    out = out.flatMap((prefix) => unit.map((u) => prefix + u));
  }
  return out;
}

/**
 * Every literal of every hint, in one Aho–Corasick automaton over the lower-cased post: the gate
 * makes one table step per code unit and learns every literal that ends there, so it knows exactly
 * which hints match without running them. Built when the module loads.
 */
const literalText: string[] = [];
const literalBit: number[] = [];
/** Adds `lit` (3+ characters, ASCII, and maybe WORD_END): the gate sets `bit` when the post holds it. */
function addLiteral(lit: string, bit: number): void {
  if (lit.replace(WORD_END, '').length < 3) throw new Error(`flags: hint literal "${lit}" is shorter than 3 characters`);
  if (lit.indexOf(WORD_END) !== -1 && lit.indexOf(WORD_END) !== lit.length - 1) throw new Error(`flags: hint literal "${lit}" has \\b before its end`);
  for (let k = 0; k < lit.length; k++) if (lit.charCodeAt(k) >= 128) throw new Error(`flags: hint literal "${lit}" is not ASCII`);
  literalText.push(lit);
  literalBit.push(bit);
}
RULES.forEach((r, k) => {
  for (const alt of topLevelAlternatives(r.hint.source)) {
    const literals = alt in r.overrides ? r.overrides[alt]!.split('|').filter((l) => l !== '') : expandLiterals(alt);
    for (const lit of literals) addLiteral(lit, 1 << k);
  }
});
// The gate keeps one bit per rule, then the reference, URL and personal-context bits, in a 32-bit integer.
if (RULES.length > 29) throw new Error(`flags: ${RULES.length} rules leave no bits for the gate's reference, URL and personal-context bits (29 at most): merge two`);
const REFERENCE_BIT = 1 << RULES.length;
/**
 * URL_RE's starts, one more bit: a post with a URL has it blanked out before the digit scan, and
 * the blanks can join two runs of digits, so the gate then counts all the post's digits.
 */
const URL_STARTS = 'http|www.';
const URL_BIT = 1 << (RULES.length + 1);
/** The words that name personal data (NAMED_DATA), one more bit: a post that holds one goes to the personal-data scan. */
const PERSONAL_CONTEXT_BIT = 1 << (RULES.length + 2);
const personalContextLiterals = topLevelAlternatives(PERSONAL_CONTEXT_HINT.source).flatMap(expandLiterals);
for (const [literals, bit] of [[REFERENCE_KEYWORDS.split('|'), REFERENCE_BIT], [URL_STARTS.split('|'), URL_BIT], [personalContextLiterals, PERSONAL_CONTEXT_BIT]] as const) {
  for (const lit of literals) addLiteral(lit, bit);
}
if (URL_RE.source !== String.raw`https?:\/\/\S+|www\.\S+`) throw new Error('flags: URL_STARTS must be the starts of URL_RE');

/**
 * The automaton's alphabet, 32 classes: a letter's class is its own (1–26, upper case as lower
 * case); the other characters the literals hold (" ", "'", "&", …; every digit as "0"), the most
 * used first, take classes 27–31, the last of them shared when there are more than five; "’"
 * reads as "'" (as the rules read it, see flagsOf); every other code unit is class 0, which a
 * literal holds only as a WORD_END. A shared class can only make the gate let more posts through,
 * never fewer.
 */
const CLASS_BITS = 5;
const CLASSES = 1 << CLASS_BITS;
const ALPHABET = new Uint8Array(128);
for (let c = 97; c <= 122; c++) ALPHABET[c] = ALPHABET[c - 32] = c - 96;
const DIGIT_0 = 48;
{
  const uses = new Map<number, number>();
  for (const lit of literalText) {
    for (let k = 0; k < lit.length; k++) {
      const code = lit.charCodeAt(k);
      const c = code >= 48 && code <= 57 ? DIGIT_0 : code;
      if (ALPHABET[c] === 0 && c !== 0) uses.set(c, (uses.get(c) ?? 0) + 1);
    }
  }
  [...uses].sort((x, y) => y[1] - x[1] || x[0] - y[0]).forEach(([c], k) => (ALPHABET[c] = Math.min(27 + k, CLASSES - 1)));
  for (let c = 49; c <= 57; c++) ALPHABET[c] = ALPHABET[DIGIT_0]!;
}
/** The classes of no letter, which a WORD_END stands for (class 0 among them). */
const NOT_LETTERS = [0, ...new Set(ALPHABET.filter((cls) => cls >= 27))];
/**
 * Each literal as the classes the automaton reads, a literal ending in WORD_END once for each
 * class that is no letter's.
 */
const literalClasses: Array<{ classes: number[]; bit: number }> = literalText.flatMap((lit, l) => {
  const classes = Array.from(lit, (ch) => ALPHABET[ch.charCodeAt(0)]!);
  if (!lit.endsWith(WORD_END)) return [{ classes, bit: literalBit[l]! }];
  return NOT_LETTERS.map((last) => ({ classes: [...classes.slice(0, -1), last], bit: literalBit[l]! }));
});

/**
 * The automaton as a full transition table over 16-bit state numbers: NEXT[(state << 5) + class]
 * is the state after reading a character of that class. The states where a literal ends are
 * numbered last, from FIRST_OUT on, and OUT[state - FIRST_OUT] holds the bits of every literal
 * that ends there (its own and, through the failure links, those of its suffixes). State 0 is the
 * start. (Until the nineteenth session the table held offsets, a state's number × 32, which saved
 * the shift but capped the automaton at 2,048 states; 5,014 now, in a 313 KB table, from 2,481
 * before the twenty-fifth session's sharper hints.)
 */
const { NEXT, OUT, FIRST_OUT } = ((): { NEXT: Uint16Array; OUT: Int32Array; FIRST_OUT: number } => {
  // Built when the module loads, by code that runs once and so unoptimised: the work is kept to
  // a few steps per state, the table's rows copied natively. (Arrays of 32 edges per state, then
  // a loop over every class of every state, took 40 ms at 5,000 states.)
  // The trie: its edges by (state << CLASS_BITS) + class, and each state's children as a list.
  const child = new Map<number, number>();
  const firstChild = [-1];
  const nextSibling = [-1];
  const edgeClass = [0];
  const out = [0];
  for (const { classes, bit } of literalClasses) {
    let state = 0;
    for (const cls of classes) {
      const key = (state << CLASS_BITS) + cls;
      let to = child.get(key);
      if (to === undefined) {
        to = out.length;
        child.set(key, to);
        out.push(0);
        edgeClass.push(cls);
        nextSibling.push(firstChild[state]!);
        firstChild.push(-1);
        firstChild[state] = to;
      }
      state = to;
    }
    out[state] = out[state]! | bit;
  }
  const states = out.length;
  if (states > 0x10000) throw new Error(`flags: too many hint literals for 16-bit state numbers (${states} states)`);
  // Failure links, breadth first (a state's link is shallower, so it is done when the state is
  // reached): the longest proper suffix that is a trie state. A state's outputs take its link's.
  const fail = new Int32Array(states);
  const order = new Int32Array(states);
  let tail = 1;
  for (let head = 0; head < tail; head++) {
    const state = order[head]!;
    for (let c = firstChild[state]!; c !== -1; c = nextSibling[c]!) {
      const cls = edgeClass[c]!;
      let f = state === 0 ? -1 : fail[state]!;
      let to: number | undefined;
      while (f !== -1 && (to = child.get((f << CLASS_BITS) + cls)) === undefined) f = f === 0 ? -1 : fail[f]!;
      fail[c] = f === -1 ? 0 : to!;
      out[c] = out[c]! | out[fail[c]!]!;
      order[tail++] = c;
    }
  }
  // Numbered with the states where a literal ends last (each part in trie order), so the gate's
  // step compares the state with FIRST_OUT (a branch seldom taken) instead of reading OUT for
  // every character.
  const number = new Int32Array(states);
  let k = 0;
  for (let state = 0; state < states; state++) if (out[state] === 0) number[state] = k++;
  const firstOut = k;
  const outs = new Int32Array(states - firstOut);
  for (let state = 0; state < states; state++) {
    if (out[state] !== 0) {
      outs[k - firstOut] = out[state]!;
      number[state] = k++;
    }
  }
  // The full table, breadth first: a state's row is its failure link's row (done, being
  // shallower) with its own edges written over it; the start's row leads back to the start.
  const next = new Uint16Array(states << CLASS_BITS);
  for (let head = 0; head < states; head++) {
    const state = order[head]!;
    const row = number[state]! << CLASS_BITS;
    if (state !== 0) {
      const from = number[fail[state]!]! << CLASS_BITS;
      next.copyWithin(row, from, from + CLASSES);
    }
    for (let c = firstChild[state]!; c !== -1; c = nextSibling[c]!) next[row + edgeClass[c]!] = number[c]!;
  }
  return { NEXT: next, OUT: outs, FIRST_OUT: firstOut };
})();
const ABUSE_RULE = RULES.findIndex((r) => r.flag === 'abuse');
const ALL_RULES = (1 << RULES.length) - 1;

/** A character of `[\w-]` under the `iu` flags: ASCII letters, digits, `_`, `-`, ſ and the Kelvin sign. */
function isEmailWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45 || c === 0x17f || c === 0x212a;
}

/**
 * Whether the "@" at i can be the "@" of an EMAIL_RE match: a character of the local part
 * `[\w.+-]` before it, and after it a run of `[\w-]` that ends in ".", as the domain must.
 */
function mayBeEmailAt(text: string, i: number, n: number): boolean {
  if (i === 0) return false;
  const p = text.charCodeAt(i - 1);
  if (!isEmailWordCode(p) && p !== 46 && p !== 43) return false;
  let j = i + 1;
  while (j < n && isEmailWordCode(text.charCodeAt(j))) j++;
  return j > i + 1 && j < n && text.charCodeAt(j) === 46;
}

/** Whether a "#" at i - 1 can start a HASH_REFERENCE_RE match: a digit, then five digits or dashes. */
function mayBeHashReferenceAt(text: string, i: number, n: number): boolean {
  if (i + 6 > n) return false;
  let c = text.charCodeAt(i);
  if (c < 48 || c > 57) return false;
  for (let k = i + 1; k < i + 6; k++) {
    c = text.charCodeAt(k);
    if ((c < 48 || c > 57) && c !== 45) return false;
  }
  return true;
}

/**
 * The gate's view of an ASCII character, one table read: its class in the automaton's alphabet
 * (G_CLASS), 32 for a capital (G_UPPER: added, it lower-cases the code), a digit, a character a
 * run of DIGIT_RUN_RE's middle holds ([\d\s().-]), and the few characters with work of their own
 * ("@", "#", and "*", "$" after an "f").
 */
const G_CLASS = 31;
const G_UPPER_SHIFT = 5;
const G_UPPER = 1 << G_UPPER_SHIFT;
const G_DIGIT_SHIFT = 6;
const G_DIGIT = 1 << G_DIGIT_SHIFT;
const G_RUN = 1 << 7;
const G_SPECIAL = 1 << 8;
const GATE_INFO = new Uint16Array(128);
for (let c = 0; c < 128; c++) {
  let info = ALPHABET[c]!;
  if (c >= 65 && c <= 90) info |= G_UPPER;
  if (c >= 48 && c <= 57) info |= G_DIGIT | G_RUN;
  if (c === 32 || (c >= 9 && c <= 13) || c === 40 || c === 41 || c === 46 || c === 45) info |= G_RUN;
  if (c === 64 || c === 35 || c === 42 || c === 36) info |= G_SPECIAL;
  GATE_INFO[c] = info;
}

interface Gate {
  /** Rules whose hint matches the lower-cased post. */
  rules: number;
  /** The post may hold personal data (a necessary condition of every personal-data finding). */
  personal: boolean;
  /** The post holds "http" or "www." in some case (a necessary condition of a URL_RE match). */
  links: boolean;
  /** The post holds a "’". */
  curly: boolean;
  /** The post names personal data (a literal of PERSONAL_CONTEXT_HINT: a necessary condition of a NAMED_DATA match). */
  named: boolean;
  /** The post has 9 digits in one run (a necessary condition of an IBAN the scan reports). */
  longRun: boolean;
}

/**
 * Whether the post has 9 or more digits in one run of the characters DIGIT_RUN_RE's middle can
 * hold ([\d\s().-]; any non-ASCII character may be a space). Asked only of a post with 9 digits.
 */
function hasLongDigitRun(text: string): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const info = c < 128 ? GATE_INFO[c]! : G_RUN;
    if ((info & G_RUN) === 0) run = 0;
    else if ((info & G_DIGIT) !== 0 && ++run >= 9) return true;
  }
  return false;
}

/**
 * One pass over the post, lower-casing ASCII on the fly: which hints match (their literals,
 * found by the automaton, plus "f*"-style masks), and whether personal data
 * is possible: 9+ digits in one run of digits, spaces, brackets, dots and dashes (a card, phone
 * or long reference number: DIGIT_RUN_RE's matches are such runs; in a post with a URL, whose
 * blanking can join runs, 9+ digits in all), a reference keyword with 4+ digits or a run of 6
 * capitals (a booking reference), "#" + six digits or dashes, or an "@" that can be an email's.
 * The two characters whose lower case is ASCII although they are not (İ, the Kelvin sign) send
 * the post through every rule.
 */
const gateAnswer: Gate = { rules: 0, personal: false, links: false, curly: false, named: false, longRun: false };
function gate(text: string): Gate {
  let rules = 0;
  let digits = 0;
  let personal = false;
  let curly = false;
  // The last code unit, lower-cased (non-ASCII as 0), and the automaton's state.
  let last = 0;
  let state = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    let c = text.charCodeAt(i);
    // An ASCII character's class and traits from one table read, the digits counted with
    // arithmetic rather than a test: which kind of character comes next is what the processor
    // cannot predict, so the fewer tests on it, the better. (The runs of digits and of capitals
    // are read after the loop, in the few posts that need them: twenty-fifth session.)
    let info: number;
    if (c < 128) info = GATE_INFO[c]!;
    else {
      if (c === 0x2019) {
        c = 39; // ’ reads as ', as the rules read it (see flagsOf)
        curly = true;
        info = GATE_INFO[39]!;
      } else {
        if (c === 0x130 || c === 0x212a) rules |= ALL_RULES;
        c = 0;
        info = GATE_INFO[0]!;
      }
    }
    digits += (info >> G_DIGIT_SHIFT) & 1;
    if ((info & G_SPECIAL) !== 0) {
      if (c === 64) {
        if (mayBeEmailAt(text, i, n)) personal = true;
      } else if (c === 35) {
        if (mayBeHashReferenceAt(text, i + 1, n)) personal = true;
      }
      // "f*", "f#", "f@", "f$": a masked swear word.
      if (last === 102) rules |= 1 << ABUSE_RULE;
    }
    // Lower case: a capital's table entry holds 32 in its G_UPPER bit.
    last = c + (info & G_UPPER);
    state = NEXT[(state << CLASS_BITS) + (info & G_CLASS)]!;
    if (state >= FIRST_OUT) rules |= OUT[state - FIRST_OUT]!;
  }
  // The post's end is no letter: a literal that must end a word may end there.
  state = NEXT[state << CLASS_BITS]!;
  if (state >= FIRST_OUT) rules |= OUT[state - FIRST_OUT]!;
  // Six capitals in a row are a PNR_RUN_RE match; 9 digits in one run need 9 in the post.
  const reference = (rules & REFERENCE_BIT) !== 0 && (digits >= 4 || PNR_RUN_RE.test(text));
  const longNumber = digits >= 9 && ((rules & URL_BIT) !== 0 || hasLongDigitRun(text));
  const named = (rules & PERSONAL_CONTEXT_BIT) !== 0;
  // One object for every post, filled in place: the answer is read before the next post's gate.
  const g = gateAnswer;
  g.rules = rules & ALL_RULES;
  g.personal = personal || longNumber || reference || named;
  g.links = (rules & URL_BIT) !== 0;
  g.curly = curly;
  g.named = named;
  g.longRun = longNumber;
  return g;
}

/** Each rule's flag and expression: for tests that generate texts every expression matches. */
export function ruleExpressions(): ReadonlyArray<{ flag: FlagName; source: string }> {
  return RULES.map((r) => ({ flag: r.flag, source: r.atStart ? `${LEADING_HANDLES_RE.source}(?:${r.re.source})` : r.re.source }));
}

/** The personal-data scan's expressions (email, digit run, reference, "#" reference), for the same tests. */
export function personalDataExpressions(): readonly string[] {
  return [EMAIL_RE, DIGIT_RUN_RE, REFERENCE_RE, HASH_REFERENCE_RE, IBAN_RE, ...NAMED_DATA.map((d) => d.re)].map((re) => re.source);
}

const FLAG_ORDER: readonly FlagName[] = ['legal', 'safety', 'churn', 'personal_data', 'abuse', 'repeat_contact', 'press'];

/** All flags raised by a post, in FLAG_NAMES order, each with its evidence. */
export function detectFlags(text: string): Flag[] {
  return flagsOf(text, gate(text), false);
}

const UNGATED: Gate = { rules: ALL_RULES, personal: true, links: true, curly: true, named: true, longRun: true };

/**
 * The same flags with no gate and no hint test: every rule's expression and the personal-data scan
 * run on every post. Slow; for tests that hold the gate and the hints to what they promise (never
 * to skip a rule that would match).
 */
export function detectFlagsUngated(text: string): Flag[] {
  return flagsOf(text, UNGATED, true);
}

/** The most pieces of evidence a flag shows. */
const MAX_EVIDENCE = 5;
const NO_SPANS: readonly number[] = [];

/** Two lists of stretches (start, end, start, end, …), each in order and none overlapping another, as one list in order. */
function mergeSpans(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]! < b[j]!)) {
      out.push(a[i]!, a[i + 1]!);
      i += 2;
    } else {
      out.push(b[j]!, b[j + 1]!);
      j += 2;
    }
  }
  return out;
}

function flagsOf(text: string, g: Gate, ungated: boolean): Flag[] {
  if (g.rules === 0 && !g.personal) return [];
  const found = new Map<FlagName, string[]>();
  // Where each flag's evidence so far stands in the post: start, end, start, end, … in the post's
  // order (made on the first match: most posts the gate lets through have none).
  let spans: Map<FlagName, number[]> | undefined;
  if (g.rules !== 0) {
    // The gate's bits spare most posts the searches (the ungated path has them all set).
    let clean = g.links && (text.includes('http') || text.includes('www.')) ? blankUrls(text) : text;
    // The rules spell apostrophes "'": a phone's keyboard writes "’" ("don’t", "I’m"), in a
    // fifth of the posts to brands. Same length, so the matches' positions hold; the gate reads
    // "’" as "'" too.
    if (g.curly && clean.includes('\u2019')) clean = clean.replaceAll('\u2019', "'");
    for (let k = 0; k < RULES.length; k++) {
      const r = RULES[k]!;
      // A rule whose hint the gate found runs; its expression decides. (A loose hint, or one
      // found in a link the rules do not read, is not tested again first: the test, on a
      // lower-cased copy, cost more than the expressions it spared; twenty-fourth session.)
      if ((g.rules & (1 << k)) === 0) continue;
      // A flag shows its first MAX_EVIDENCE pieces: once it has them, its later rules change nothing.
      let list = found.get(r.flag);
      if (list !== undefined && list.length >= MAX_EVIDENCE) continue;
      // The flag's evidence so far from its earlier rules, in the post's order (their stretches
      // never overlap), and where this rule's matches, which come in the post's order and never
      // overlap each other, stand in it: one walk, not a look through every stretch per match
      // (a long post can hold thousands of "again"s).
      const prior = spans?.get(r.flag) ?? NO_SPANS;
      let p = 0;
      let added: number[] | undefined;
      // exec in a loop: the matches of matchAll, without cloning the expression per post. A rule
      // that must stand at the post's start (after its handles) is tried there alone.
      const re = r.re;
      re.lastIndex = r.atStart ? leadingHandlesEnd(clean) : 0;
      for (let m = re.exec(clean); m !== null; m = r.atStart ? null : re.exec(clean)) {
        if (m[0] === '') re.lastIndex++;
        const index = m.index;
        if (r.negatable && isNegated(clean, index)) continue;
        if (r.unless) {
          const around = clean.slice(Math.max(0, index - 40), index + m[0].length + 30);
          const tail = clean.slice(Math.max(0, index - 40), index + m[0].length);
          if (r.unless.test(r.flag === 'repeat_contact' ? tail : around)) continue;
        }
        if (r.flag === 'churn' && (switchesToAddressee(clean, index + m[0].length, m[0]) || movesToAddressee(clean, m[0]))) continue;
        // One stretch of the post is one piece of evidence: "sent it twice now" is not also
        // "twice now" (the first rule's match stands).
        const end = index + m[0].length;
        while (p < prior.length && prior[p + 1]! <= index) p += 2;
        if (p < prior.length && prior[p]! < end) continue;
        (added ??= []).push(index, end);
        if (list === undefined) {
          list = [];
          found.set(r.flag, list);
        }
        // The words as the post writes them ("didn’t", not the rules' "didn't"): `clean` only
        // swapped characters one for one, so the positions are the post's.
        const ev = text.slice(index, end).trim();
        if (!list.some((e) => e.toLowerCase() === ev.toLowerCase())) {
          list.push(ev);
          if (list.length >= MAX_EVIDENCE) break;
        }
      }
      if (added !== undefined) (spans ??= new Map()).set(r.flag, mergeSpans(prior, added));
    }
  }
  if (g.personal && (ungated || /[\d@]|ref|booking|pnr|confirmation|locator|record/i.test(text))) {
    const pd = personalData(text, g);
    if (pd.length > 0) found.set('personal_data', pd);
  }
  if (found.size === 0) return [];
  const flags: Flag[] = [];
  for (const name of FLAG_ORDER) {
    const evidence = found.get(name);
    if (evidence) flags.push({ name, evidence: evidence.slice(0, MAX_EVIDENCE) });
  }
  return flags;
}
