Feature: eu.drones - EU drones - class identification label C0-C4 for drones of 250 g or more (legacy drones limited to A3 since 2024)
  Drones placed on the EU market for the open category carry a class identification label (C0 to C4;
  C5 and C6 for the specific category) with CE under Delegated Regulation (EU) 2019/945: C0 under
  250 g, C1 under 900 g (remote ID, geo-awareness), C2 under 4 kg, C3 and C4 under 25 kg. Since 1
  Jan 2024 drones without a class label ("legacy" or privately built) of 250 g to 25 kg may fly only
  in subcategory A3, far from people (Implementing Regulation (EU) 2019/947 Art. 20); under 250 g
  they may still fly in A1. So a listing of a drone of 250 g or more with no class label is warned:
  the buyer can fly it only in A3. The drone is recognised from words in the title and category
  (shared library product_families.drones, accessories allowed); its mass from attributes.mass_g,
  else from a mass written in the title or description ("600 g", "1.2 kg"); its class from
  attributes.uas_class, else from a class written in the text ("class C1", "C1-Klasse").

  @EU.DRONE.NO_CLASS_LABEL
  Scenario: Drone of 250 g or more listed without a C0-C4 class label (A3 only sin: 600 g drone with no class, mass in the title
    Given a listing for market "FR" titled "Drone caméra Skylark 600 g" with:
      """
      attributes: {}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                    | severity | market | field                                                       |
      | EU.DRONE.NO_CLASS_LABEL | warn     | FR     | attributes.mass_g, attributes.uas_class, description, title |

  @EU.DRONE.NO_CLASS_LABEL
  Scenario: Drone of 250 g or more listed without a C0-C4 class label (A3 only sin: 900 g quadcopter declared without a class label
    Given a listing for market "DE" titled "Quadrocopter mit 4K-Kamera" with:
      """
      attributes: {mass_g: 900, uas_class: none}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                    | severity | market | field                                                       |
      | EU.DRONE.NO_CLASS_LABEL | warn     | DE     | attributes.mass_g, attributes.uas_class, description, title |

  @EU.DRONE.NO_CLASS_LABEL
  Scenario: near miss - the day before the transition ended (no finding of EU.DRONE.NO_CLASS_LABEL)
    Given a listing for market "FR" titled "Drone caméra Skylark 600 g" with:
      """
      attributes: {}
      """
    When it is screened as of "2023-12-31"
    Then there are no findings

  @EU.DRONE.NO_CLASS_LABEL
  Scenario: a drone battery is not a drone (no finding of EU.DRONE.NO_CLASS_LABEL)
    Given a listing for market "FR" titled "Drone battery 3850 mAh 300 g" with:
      """
      attributes: {mass_g: 300}
      certifications:
      - type: CE
        legislation: [(EU) 2023/1542]
      """
    When it is screened as of "2026-11-25"
    Then there are no findings
