Feature: sg.gst-low-value - GST on low-value goods collected at sale in Singapore
  An OVR-registered vendor, marketplace or re-deliverer charges GST at sale on goods of at most
  SGD 400 per item and puts its GST number on the shipment, so GST is not charged again.

  @SG.GST.LVG_400.NUMBER_MISSING
  Scenario: GST charged at sale but no GST number on the parcel
    Given a shipment from "CN" to "SG" with:
      """
      b2c: true
      tax_paid_at_sale: true
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                          | severity | market | field                                     |
      | SG.GST.LVG_400.NUMBER_MISSING | block    | SG     | tax_paid_at_sale, tax_registration_number, mode |

  @SG.GST.LVG_400.NUMBER_MISSING
  Scenario: The GST number is on the shipment
    Given a shipment from "CN" to "SG" with:
      """
      b2c: true
      tax_paid_at_sale: true
      tax_registration_number: M90312345A
      """
    When it is screened as of "2026-11-25"
    Then there are no findings
