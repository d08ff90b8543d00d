Feature: Market access, tax and transport rules follow the law in force on the day
  Rules carry effective dates and read data tables in force for the market and date, so one
  document can be compliant on one day and not on another.

  Scenario: GPSR manufacturer information is required from 13 December 2024
    Given a listing for market "DE" titled "Trinkflasche" without a manufacturer
    When it is screened as of "2024-12-12"
    Then rule "EU.GPSR.19A.MANUFACTURER" does not fire
    When it is screened as of "2024-12-13"
    Then the decision is "block"
    And rule "EU.GPSR.19A.MANUFACTURER" fires for market "DE"

  Scenario: Great Britain is outside the GPSR
    Given a listing for market "GB" titled "Water bottle" without a manufacturer
    When it is screened as of "2026-11-25"
    Then rule "EU.GPSR.19A.MANUFACTURER" does not fire

  Scenario: An order under the IOSS limit after currency conversion needs IOSS
    Given an order from "CN" to "DE" worth 160 "USD" without an IOSS number
    When it is screened as of "2026-11-25"
    Then the decision is "review"
    And rule "EU.VAT.IOSS_MISSING" fires for market "DE"
    And the report shows a conversion from "USD" to "EUR"

  Scenario: An order over the IOSS limit cannot use IOSS
    Given an order from "CN" to "FR" worth 151 "EUR" with IOSS number "IM2500012345"
    When it is screened as of "2026-11-25"
    Then the decision is "block"
    And rule "EU.VAT.IOSS_OVER_LIMIT" fires for market "FR"

  Scenario: A power bank cannot go by post
    Given a shipment to "DE" by "post" of a "UN3480" battery
    When it is screened as of "2026-11-25"
    Then the decision is "block"
    And rule "DG.LI.STANDALONE" reports the value "UN3480" in field "items[0].dangerous_goods.un_number"

  Scenario: The same power bank can go by sea
    Given a shipment to "DE" by "sea" of a "UN3480" battery
    When it is screened as of "2026-11-25"
    Then rule "DG.LI.STANDALONE" does not fire

  Scenario: A radio device for the US needs an FCC ID
    Given a listing for market "US" titled "Bluetooth speaker, waterproof"
    When it is screened
    Then the decision is "review"
    And rule "US.FCC.RF_AUTH" reports the text "Bluetooth" in field "title"
