Feature: The CI gate - per-rule configuration
  A team may raise or lower a rule's severity, or switch a rule off, for its own runs without
  copying the rule. The report always says which overrides changed it.

  Background:
    Given a catalogue file "listings.jsonl" with:
      | id  | market | title                   |
      | L-1 | DE     | Testsieger Kopfhörer    |
      | L-2 | DE     | Keramiktasse            |

  Scenario: A rule's severity is raised for this team's runs
    Given a rule configuration "clearance-rules.yaml":
      """
      rules:
        DE.UWG.TESTSIEGER:
          severity: block
          reason: Our marketplace removes unverified test claims at once.
      """
    When the catalogue is checked with "--config clearance-rules.yaml"
    Then the exit code is 1
    And the findings are exactly:
      | document | rule              | severity | status |
      | L-1      | DE.UWG.TESTSIEGER | block    | open   |
    And the output says "config DE.UWG.TESTSIEGER [DE] review -> block: Our marketplace removes unverified test claims at once."

  Scenario: A rule switched off no longer reports, and the report says so
    Given a rule configuration "clearance-rules.yaml":
      """
      rules:
        DE.UWG.TESTSIEGER:
          enabled: false
          reason: Claims are checked by the legal team before export.
      """
    When the catalogue is checked with "--fail-on review --config clearance-rules.yaml"
    Then the exit code is 0
    And there are no findings
    And the output says "config DE.UWG.TESTSIEGER [DE] review -> off"

  Scenario: A configuration naming a rule that does not exist is refused
    Given a rule configuration "clearance-rules.yaml":
      """
      rules:
        DE.UWG.TESTSIGER:
          severity: warn
          reason: A typo in the rule id.
      """
    When the catalogue is checked with "--config clearance-rules.yaml"
    Then the exit code is 2
    And the output says "clearance-rules.yaml:2: rule 'DE.UWG.TESTSIGER' does not exist"
    And there are no findings
