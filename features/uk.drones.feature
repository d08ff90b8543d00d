Feature: uk.drones - Great Britain drones - CAA registration notice (Flyer ID from 100 g since 1 Jan 2026)
  In Great Britain flying a drone or model aircraft outdoors needs CAA registrations: a Flyer ID
  (the online theory test) and an Operator ID labelled on the aircraft. From 1 Jan 2026 the Flyer ID
  is needed from 100 g (before: 250 g), the Operator ID from 100 g with a camera or 250 g without;
  new drones carry UK class marks UK0-UK6 and Remote ID is phased in. From 30 Nov 2019 to 31 Dec
  2025 both IDs were needed from 250 g and the Operator ID also for any drone with a camera that is
  not a toy. The brief (M, the CAA page not in the corpus; read here via news of 29 Dec 2025 and the
  CAA Drone and Model Aircraft Code) says GB listings of such drones should carry the registration
  notice; no statute requires the seller to show it, so the current rule warns and the earlier one
  only informs. The drone is recognised from words in title and category (product_families.drones);
  its mass from attributes.mass_g, else from a mass written in the title or description; the notice
  from notices.uk_drone_registration or from words such as "Flyer ID" in the text. Class marks are
  not screened: the brief gives no rule for listings of drones without a UK class mark.

  @UK.DRONE.REGISTRATION_NOTICE_2026
  Scenario: Drone of 100 g or more listed for Great Britain without the CAA regist: 150 g camera drone without the notice
    Given a listing for market "GB" titled "Skylark 150 g Camera Drone" with:
      """
      attributes: {mass_g: 150, camera: true}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                              | severity | market | field                                                   |
      | UK.DRONE.REGISTRATION_NOTICE_2026 | warn     | GB     | attributes.mass_g, notices.uk_drone_registration, title |

  @UK.DRONE.REGISTRATION_NOTICE_2026
  Scenario: Drone of 100 g or more listed for Great Britain without the CAA regist: 300 g drone, mass only in the description
    Given a listing for market "GB" titled "Skylark FPV drone" with:
      """
      attributes: {camera: false}
      notices: {uk_drone_registration: false}
      description: Take-off mass 300 g.
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                              | severity | market | field                                                                |
      | UK.DRONE.REGISTRATION_NOTICE_2026 | warn     | GB     | attributes.mass_g, description, notices.uk_drone_registration, title |

  @UK.DRONE.REGISTRATION_NOTICE_2026
  Scenario: near miss - 99 g (no finding of UK.DRONE.REGISTRATION_NOTICE_2026)
    Given a listing for market "GB" titled "Skylark 99 g mini drone" with:
      """
      attributes: {mass_g: 99, camera: true}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @UK.DRONE.REGISTRATION_NOTICE_2026
  Scenario: near miss - the day before the 100 g threshold (no finding of UK.DRONE.REGISTRATION_NOTICE_2026)
    Given a listing for market "GB" titled "Skylark 150 g Camera Drone" with:
      """
      attributes: {mass_g: 150, camera: false}
      """
    When it is screened as of "2025-12-31"
    Then there are no findings

  @UK.DRONE.REGISTRATION_NOTICE_2019
  Scenario: Drone needing CAA registration listed for Great Britain without the no: 150 g camera drone in 2025
    Given a listing for market "GB" titled "Skylark 150 g Camera Drone" with:
      """
      attributes: {mass_g: 150, camera: true}
      """
    When it is screened as of "2025-06-01"
    Then the findings are exactly:
      | rule                              | severity | market | field                                                   |
      | UK.DRONE.REGISTRATION_NOTICE_2019 | info     | GB     | attributes.camera, notices.uk_drone_registration, title |

  @UK.DRONE.REGISTRATION_NOTICE_2019
  Scenario: Drone needing CAA registration listed for Great Britain without the no: 300 g drone without a camera in 2024
    Given a listing for market "GB" titled "Skylark 300 g drone" with:
      """
      attributes: {mass_g: 300, camera: false}
      """
    When it is screened as of "2024-06-01"
    Then the findings are exactly:
      | rule                              | severity | market | field                                                   |
      | UK.DRONE.REGISTRATION_NOTICE_2019 | info     | GB     | attributes.mass_g, notices.uk_drone_registration, title |

  @UK.DRONE.REGISTRATION_NOTICE_2019
  Scenario: 150 g drone without a camera in 2025 (no finding of UK.DRONE.REGISTRATION_NOTICE_2019)
    Given a listing for market "GB" titled "Skylark 150 g drone" with:
      """
      attributes: {mass_g: 150, camera: false}
      """
    When it is screened as of "2025-06-01"
    Then there are no findings

  @UK.DRONE.REGISTRATION_NOTICE_2019
  Scenario: near miss - the rule ends on 1 January 2026 (the 2026 version applies) (no finding of UK.DRONE.REGISTRATION_NOTICE_2019)
    Given a listing for market "GB" titled "Skylark 150 g Camera Drone" with:
      """
      attributes: {mass_g: 150, camera: true}
      """
    When it is screened as of "2026-01-01"
    Then the findings are exactly:
      | rule                              | severity | market | field                                                   |
      | UK.DRONE.REGISTRATION_NOTICE_2026 | warn     | GB     | attributes.mass_g, notices.uk_drone_registration, title |
