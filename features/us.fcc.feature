Feature: us.fcc - radio devices and the FCC Covered List
  Radio devices sold in the US need an FCC equipment authorization, shown by the FCC ID;
  brands on the FCC Covered List cannot be authorised at all.

  @US.FCC.RF_AUTH
  Scenario: A radio device for the US needs an FCC ID
    Given a listing for market "US" titled "Bluetooth speaker, waterproof"
    When it is screened
    Then the findings are exactly:
      | rule           | severity | market | field                           |
      | US.FCC.RF_AUTH | review   | US     | title, attributes.radio, fcc_id |
    And rule "US.FCC.RF_AUTH" reports the text "Bluetooth" in field "title"

  @US.FCC.RF_AUTH
  Scenario: A radio device with its FCC ID, or outside the US
    Given a listing for market "US" titled "Bluetooth speaker" with:
      """
      fcc_id: 2ABCD-SPK100
      """
    When it is screened
    Then there are no findings

  @US.FCC.RF_AUTH
  Scenario: The FCC rule applies in the US only
    Given a listing for market "DE" titled "Bluetooth-Lautsprecher"
    When it is screened
    Then there are no findings

  @US.FCC.COVERED_LIST
  Scenario: A brand on the FCC Covered List
    Given a listing for market "US" titled "IP camera 4K" with:
      """
      brand: Hikvision
      """
    When it is screened
    Then the findings are exactly:
      | rule                | severity | market | field |
      | US.FCC.COVERED_LIST | block    | US     | brand |

  @US.FCC.COVERED_LIST_DRONES_2025
  Scenario: DJI and Autel are on the Covered List from 22 December 2025
    Given a listing for market "US" titled "Mini camera drone" with:
      """
      brand: DJI
      """
    When it is screened as of "2025-12-21"
    Then there are no findings
    When it is screened as of "2025-12-22"
    Then the findings are exactly:
      | rule                            | severity | market | field |
      | US.FCC.COVERED_LIST_DRONES_2025 | block    | US     | brand |

  @US.FCC.RF_AUTH
  Scenario: A passive accessory that names the radio it fits is not a radio device
    Given a listing for market "US" titled "Silicone case for Bluetooth earbuds" with:
      """
      attributes: {radio: false}
      """
    When it is screened
    Then there are no findings
