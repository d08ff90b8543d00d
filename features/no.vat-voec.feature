Feature: no.vat-voec - VAT on low-value goods collected at sale in Norway
  A VOEC-registered seller or marketplace charges VAT at checkout on goods under NOK 3,000 per
  item and passes its VOEC number with each consignment, so VAT is not charged again.

  @NO.VAT.VOEC.NUMBER_MISSING
  Scenario: VAT charged at sale but no VOEC number on the parcel
    Given a shipment from "CN" to "NO" with:
      """
      b2c: true
      tax_paid_at_sale: true
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                       | severity | market | field                                     |
      | NO.VAT.VOEC.NUMBER_MISSING | block    | NO     | tax_paid_at_sale, tax_registration_number |

  @NO.VAT.VOEC.NUMBER_MISSING
  Scenario: The VOEC number travels with the parcel
    Given a shipment from "CN" to "NO" with:
      """
      b2c: true
      tax_paid_at_sale: true
      tax_registration_number: VOEC2040011
      """
    When it is screened as of "2026-11-25"
    Then there are no findings
