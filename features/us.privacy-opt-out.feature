Feature: us.privacy-opt-out - a Global Privacy Control signal is an opt-out of sale and sharing
  California (11 CCR 7025), Colorado (from 1 July 2024) and Connecticut (from 1 January 2025)
  require businesses that sell or share personal information to honour opt-out preference
  signals. The state is read from the shipping address's region (ISO 3166-2).

  @US.CA.CCPA_GPC_IGNORED
  Scenario: A Californian order with GPC whose data goes to an advertising pixel
    Given an order from "US" to "US" with:
      """
      shipping_address: {city: San Francisco, region: US-CA}
      privacy_signals: {gpc: true, shared_with: [payment, advertising]}
      """
    When it is screened
    Then the findings are exactly:
      | rule                   | severity | market | field |
      | US.CA.CCPA_GPC_IGNORED | review   | US     | shipping_address.region, privacy_signals.gpc, privacy_signals.shared_with[1] |

  @US.CA.CCPA_GPC_IGNORED
  Scenario: With no region given, a San Francisco ZIP code places the order in California
    Given an order from "US" to "US" with:
      """
      shipping_address: {city: San Francisco, postal_code: "94105"}
      privacy_signals: {gpc: true, shared_with: [carrier, advertising]}
      """
    When it is screened
    Then the findings are exactly:
      | rule                   | severity | market | field |
      | US.CA.CCPA_GPC_IGNORED | review   | US     | shipping_address.region, shipping_address.country, shipping_address.postal_code, privacy_signals.gpc, privacy_signals.shared_with[1] |

  @US.CO.CPA_GPC_IGNORED
  Scenario Outline: ZIP codes outside the three states' prefixes are not screened
    Given an order from "US" to "US" with:
      """
      shipping_address: {city: <city>, postal_code: "<zip>"}
      privacy_signals: {gpc: true, shared_with: [advertising]}
      """
    When it is screened
    Then there are no findings

    Examples:
      | city    | zip   |
      | Reno    | 89501 |
      | Boise   | 83702 |
      | Buffalo | 14201 |

  @US.CA.CCPA_GPC_IGNORED
  Scenario: GPC honoured - data only to payment and carrier
    Given an order from "US" to "US" with:
      """
      shipping_address: {city: San Francisco, region: US-CA}
      privacy_signals: {gpc: true, shared_with: [payment, carrier]}
      """
    When it is screened
    Then there are no findings

  @US.CO.CPA_GPC_IGNORED @US.CT.CTDPA_GPC_IGNORED
  Scenario Outline: Colorado and Connecticut from the day their duty applies
    Given an order from "US" to "US" with:
      """
      date: "<date>"
      shipping_address: {region: <region>}
      privacy_signals: {gpc: true, shared_with: [affiliate]}
      """
    When it is screened
    Then the findings are exactly:
      | rule   | severity | market | field |
      | <rule> | review   | US     | shipping_address.region, privacy_signals.gpc, privacy_signals.shared_with[0] |

    Examples:
      | date       | region | rule                    |
      | 2024-07-01 | US-CO  | US.CO.CPA_GPC_IGNORED   |
      | 2025-01-01 | US-CT  | US.CT.CTDPA_GPC_IGNORED |

  @US.CO.CPA_GPC_IGNORED @US.CT.CTDPA_GPC_IGNORED
  Scenario Outline: The day before the duty applied
    Given an order from "US" to "US" with:
      """
      date: "<date>"
      shipping_address: {region: <region>}
      privacy_signals: {gpc: true, shared_with: [affiliate]}
      """
    When it is screened
    Then there are no findings

    Examples:
      | date       | region |
      | 2024-06-30 | US-CO  |
      | 2024-12-31 | US-CT  |
