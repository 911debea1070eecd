import { eventCatalog } from '@yrd/contracts';
import { checkRules, compileRule, DEFAULT_ROUTING_RULES, matchRule, registryDirectory, type BureauDirectory, type CompiledRule, type RoutingRule } from '@yrd/notification-domain';

/**
 * The rule set in force, checked and compiled once at start-up: a broken rule (unknown type,
 * a template that does not parse) stops the service instead of failing at 3 a.m.
 * Provided by a factory (`new RoutingRules()`), so tests can pass their own rules.
 */
export class RoutingRules {
  readonly rules: readonly CompiledRule[];
  readonly directory: BureauDirectory = registryDirectory();

  constructor(rules: readonly RoutingRule[] = DEFAULT_ROUTING_RULES) {
    const problems = checkRules(rules, new Set(eventCatalog.definitions().map((d) => d.type)));
    if (problems.length > 0) throw new Error(`Invalid routing rules: ${problems.join('; ')}`);
    this.rules = rules.map(compileRule);
  }

  ruleFor(type: string): CompiledRule | undefined {
    return matchRule(this.rules, type, eventCatalog.get(type)?.context);
  }
}
