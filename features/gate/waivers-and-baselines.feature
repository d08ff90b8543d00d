Feature: The CI gate - waivers and baselines
  A team gates its catalogue with `clearance check`. A compliance officer may accept a finding
  for a while with a waiver that names its owner, its reason and its expiry; a team adopting the
  gate on an existing catalogue records today's findings in a baseline and fails only on new
  ones. Waived and baselined findings are always shown, never hidden.

  Background:
    Given a catalogue file "listings.jsonl" with:
      | id  | market | title                   |
      | L-1 | DE     | Testsieger Kopfhörer    |
      | L-2 | DE     | Testsieger Lautsprecher |
      | L-3 | DE     | Keramiktasse            |

  Scenario: A waiver accepts a finding until its expiry
    Given a waiver file "waivers.yaml":
      """
      waivers:
        - id: testsieger-l1
          rule: DE.UWG.TESTSIEGER
          documents: [L-1]
          owner: compliance@shop.example
          reason: Test citation is printed on the product image; listing text fix is scheduled.
          expires: <in 30 days>
      """
    When the catalogue is checked with "--fail-on review --waivers waivers.yaml"
    Then the exit code is 1
    And the findings are exactly:
      | document | rule              | severity | status |
      | L-1      | DE.UWG.TESTSIEGER | review   | waived |
      | L-2      | DE.UWG.TESTSIEGER | review   | open   |
    And the output says "waiver testsieger-l1 by compliance@shop.example until <in 30 days>"

  Scenario: A waiver with a document pattern covers every document it matches
    Given a waiver file "waivers.yaml":
      """
      waivers:
        - rule: DE.UWG.TESTSIEGER
          documents: ["L-*"]
          markets: [DE]
          fields: [title]
          owner: Jane Officer
          reason: Claims checked against the 2026 Stiftung Warentest issue.
          expires: <in 90 days>
      """
    When the catalogue is checked with "--fail-on review --waivers waivers.yaml"
    Then the exit code is 0
    And the findings are exactly:
      | document | rule              | severity | status |
      | L-1      | DE.UWG.TESTSIEGER | review   | waived |
      | L-2      | DE.UWG.TESTSIEGER | review   | waived |
    And the output says "2 finding(s) waived"

  Scenario: An expired waiver no longer applies and is reported
    Given a waiver file "waivers.yaml":
      """
      waivers:
        - id: old
          rule: DE.UWG.TESTSIEGER
          owner: Jane Officer
          reason: Accepted for the summer sale only.
          expires: <1 day ago>
      """
    When the catalogue is checked with "--fail-on review --waivers waivers.yaml"
    Then the exit code is 1
    And the findings are exactly:
      | document | rule              | severity | status |
      | L-1      | DE.UWG.TESTSIEGER | review   | open   |
      | L-2      | DE.UWG.TESTSIEGER | review   | open   |
    And the output says "waiver old (waivers.yaml:2) for DE.UWG.TESTSIEGER expired on <1 day ago>"

  Scenario: With --strict-waivers a waiver that matches nothing fails the run
    Given a waiver file "waivers.yaml":
      """
      waivers:
        - id: testsieger
          rule: DE.UWG.TESTSIEGER
          owner: Jane Officer
          reason: Claims checked against the 2026 Stiftung Warentest issue.
          expires: <in 30 days>
        - id: nothing-to-waive
          rule: EU.GPSR.19A.MANUFACTURER
          owner: Jane Officer
          reason: Manufacturer data is being migrated this month.
          expires: <in 30 days>
      """
    When the catalogue is checked with "--fail-on review --waivers waivers.yaml --strict-waivers"
    Then the exit code is 1
    And the findings are exactly:
      | document | rule              | severity | status |
      | L-1      | DE.UWG.TESTSIEGER | review   | waived |
      | L-2      | DE.UWG.TESTSIEGER | review   | waived |
    And the output says "waiver nothing-to-waive (waivers.yaml:7) for EU.GPSR.19A.MANUFACTURER matched no finding"

  Scenario: A waiver that expires too far ahead is refused with its line
    Given a waiver file "waivers.yaml":
      """
      waivers:
        - rule: DE.UWG.TESTSIEGER
          owner: Jane Officer
          reason: Accepted until further notice, please.
          expires: <in 400 days>
      """
    When the catalogue is checked with "--waivers waivers.yaml"
    Then the exit code is 2
    And the output says "waivers.yaml:5"
    And the output says "more than 90 days ahead"
    And there are no findings

  Scenario: A baseline fails only on findings that are new
    Given the catalogue was checked with "--write-baseline baseline.json"
    And the catalogue file "listings.jsonl" also has:
      | id  | market | title                |
      | L-4 | DE     | Testsieger Wasserkocher |
    When the catalogue is checked with "--fail-on review --baseline baseline.json"
    Then the exit code is 1
    And the findings are exactly:
      | document | rule              | severity | status   |
      | L-1      | DE.UWG.TESTSIEGER | review   | baseline |
      | L-2      | DE.UWG.TESTSIEGER | review   | baseline |
      | L-4      | DE.UWG.TESTSIEGER | review   | new      |
    And the output says "2 finding(s) in the baseline (not failing), 1 new"
