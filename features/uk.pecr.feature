Feature: uk.pecr - e-mail and SMS marketing on the soft opt-in
  PECR reg. 22(3): without consent, only the sender's own customers, its own similar products,
  and a free opt-out at collection and in every message. Since 5 February 2026 (Data (Use and
  Access) Act 2025, SI 2026/82) PECR fines reach the UK GDPR level, so the finding is raised
  from a warning to review.

  @UK.PECR.SOFT_OPTIN_INVALID
  Scenario: Affiliate data on a soft opt-in before the DUAA changes
    Given an order from "GB" to "GB" with:
      """
      date: "2025-06-01"
      consents:
        - {purpose: marketing_email, method: soft_opt_in, source: affiliate, opt_out_offered: true}
      """
    When it is screened
    Then the findings are exactly:
      | rule                       | severity | market | field |
      | UK.PECR.SOFT_OPTIN_INVALID | warn     | GB     | consents[0].method, consents[0].purpose, consents[0].given, consents[0].source |

  @UK.PECR.SOFT_OPTIN_INVALID_DUAA
  Scenario: No opt-out recorded at collection, on the day the DUAA changes came into force
    Given an order from "GB" to "GB" with:
      """
      date: "2026-02-05"
      consents:
        - {purpose: marketing_sms, method: soft_opt_in, source: own_sale}
      """
    When it is screened
    Then the findings are exactly:
      | rule                            | severity | market | field |
      | UK.PECR.SOFT_OPTIN_INVALID_DUAA | review   | GB     | consents[0].method, consents[0].purpose, consents[0].given, consents[0].opt_out_offered |

  @UK.PECR.SOFT_OPTIN_INVALID @UK.PECR.SOFT_OPTIN_INVALID_DUAA
  Scenario: The seller's own sale with an opt-out offered at checkout
    Given an order from "GB" to "GB" with:
      """
      consents:
        - {purpose: marketing_email, method: soft_opt_in, source: own_sale, opt_out_offered: true}
      """
    When it is screened
    Then there are no findings
